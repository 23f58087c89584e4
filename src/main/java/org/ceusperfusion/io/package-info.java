/** Loaders of cine loops (DICOM, TIFF, AVI, ...) with correct frame timing. Boundary code; no ImageJ GUI. */
package org.ceusperfusion.io;
