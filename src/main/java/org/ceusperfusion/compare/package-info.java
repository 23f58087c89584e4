/**
 * Baseline versus follow-up comparison of perfusion exams: per-parameter percent changes with 95 % CIs
 * (delta method on the log ratio), a RECIST-like size category with the probability of each category
 * under measurement error, a configurable perfusion rule (default: STIC, AUC decrease &gt; 40 % at day 30)
 * and a one-sentence summary. Pure Java; writing is in {@code report}.
 */
package org.ceusperfusion.compare;
