/** The cine-loop model: frames, frame times in seconds, pixel size and provenance. Pure Java. */
package org.ceusperfusion.cine;
