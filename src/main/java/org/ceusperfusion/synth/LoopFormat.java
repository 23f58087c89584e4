package org.ceusperfusion.synth;

import java.util.Locale;

/** File formats the synthetic-loop writers produce. */
public enum LoopFormat {
    /** DICOM Part 10, Ultrasound Multi-frame Image Storage, explicit VR little endian, MONOCHROME2 8-bit. */
    DICOM("dicom", ".dcm"),
    /** ImageJ TIFF stack with frame interval, fps and pixel-size calibration. */
    TIFF("tiff", ".tif"),
    /** AVI with Motion-JPEG frames (quality 95) via ImageJ's AVI writer. */
    AVI_MJPEG("avi-mjpeg", ".avi"),
    /** Uncompressed AVI via ImageJ's AVI writer. */
    AVI_RAW("avi-raw", ".avi"),
    /** OME-TIFF (classic TIFF, uint8, one plane per IFD) with each plane's DeltaT and the pixel size ({@link OmeTiffWriter}). */
    OME_TIFF("ome-tiff", ".ome.tif");

    private final String label;
    private final String extension;

    LoopFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    /** @return the stable lower-case label ({@code dicom}, {@code tiff}, {@code avi-mjpeg}, {@code avi-raw}, {@code ome-tiff}) */
    public String label() {
        return label;
    }

    /** @return the usual file extension including the dot */
    public String extension() {
        return extension;
    }

    /** @throws IllegalArgumentException naming the bad value */
    public static LoopFormat fromLabel(String s) {
        for (LoopFormat f : values()) {
            if (f.label.equals(s.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown loop format '" + s + "' (dicom, tiff, avi-mjpeg, avi-raw, ome-tiff)");
    }

    /** @return the format a file name's extension implies ({@code .avi} → MJPEG) */
    public static LoopFormat fromFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".dcm")) {
            return DICOM;
        }
        if (n.endsWith(".ome.tif") || n.endsWith(".ome.tiff")) {
            return OME_TIFF;
        }
        if (n.endsWith(".tif") || n.endsWith(".tiff")) {
            return TIFF;
        }
        if (n.endsWith(".avi")) {
            return AVI_MJPEG;
        }
        throw new IllegalArgumentException("cannot tell the loop format of '" + fileName + "' (.dcm, .tif, .avi)");
    }
}
