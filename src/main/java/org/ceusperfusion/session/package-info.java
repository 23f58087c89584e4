/**
 * Workbench sessions: the whole state of an interactive comparison (loop files with their SHA-256,
 * target and reference ROIs as inline specs, exam labels, days and size data, analysis settings) as a
 * small JSON file (schema {@value org.ceusperfusion.session.Session#SCHEMA}) that the ImageJ workbench
 * reopens exactly and {@code ceus compare --session FILE} runs headless. Pure Java, no GUI.
 */
package org.ceusperfusion.session;
