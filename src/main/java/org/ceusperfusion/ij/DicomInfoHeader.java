package org.ceusperfusion.ij;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frame times and pixel size from the DICOM header text that ImageJ's own DICOM reader keeps in an image's
 * {@code Info} property (lines such as {@code 0018,1063  Frame Time: 66.67}).
 *
 * <p>Used when a loop was opened with {@code File > Open}, drag and drop or Bio-Formats, and its file can
 * no longer be re-read. Timing priority is the same as CEUS Perfusion's DICOM reader: Frame Time Vector
 * (0018,1065, ms increments; first value ignored) &gt; Frame Time (0018,1063, ms) &gt; Cine Rate
 * (0018,0040, frames/s) &gt; Recommended Display Frame Rate (0008,2144, frames/s). Pixel size: Physical
 * Delta X (0018,602C) of the first ultrasound region when its unit (0018,6024) is cm (code 3), else Pixel
 * Spacing (0028,0030, mm).
 */
final class DicomInfoHeader {
    private static final Pattern LINE = Pattern.compile("(?m)^\\s*([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\\s+[^:\\n]*:\\s*(.*)$");
    private static final int UNITS_CM = 3;

    /** What the header gave. */
    record Header(double[] timesS, String timingSource, Double pixelSizeMm) {
    }

    private DicomInfoHeader() {
    }

    /**
     * @param info   the image's {@code Info} text, or {@code null}
     * @param frames the number of frames of the image
     * @return frame times (or {@code null} when the header has none usable for {@code frames} frames) and the
     *         pixel size, mm (or {@code null}); {@code null} when {@code info} is not a DICOM header
     */
    static Header parse(String info, int frames) {
        if (info == null || info.isBlank()) {
            return null;
        }
        Map<String, String> tags = new HashMap<>();
        Matcher m = LINE.matcher(info);
        while (m.find()) {
            tags.putIfAbsent((m.group(1) + m.group(2)).toUpperCase(Locale.ROOT), m.group(3).trim());
        }
        if (tags.isEmpty()) {
            return null;
        }
        double[] t = vector(tags.get("00181065"), frames);
        String source = "FrameTimeVector";
        if (t == null) {
            double ft = number(tags.get("00181063"));
            double cine = number(tags.get("00180040"));
            double rec = number(tags.get("00082144"));
            if (ft > 0) {
                t = regular(frames, ft / 1000.0);
                source = "FrameTime";
            } else if (cine > 0) {
                t = regular(frames, 1.0 / cine);
                source = "CineRate";
            } else if (rec > 0) {
                t = regular(frames, 1.0 / rec);
                source = "RecommendedDisplayFrameRate";
            } else {
                source = null;
            }
        }
        return new Header(t, source == null ? null : "DICOM header (ImageJ Info): " + source, pixelSize(tags));
    }

    private static Double pixelSize(Map<String, String> tags) {
        double dx = number(tags.get("0018602C"));
        double units = number(tags.get("00186024"));
        if (dx > 0 && units == UNITS_CM) {
            return dx * 10.0;
        }
        String spacing = tags.get("00280030");
        if (spacing != null) {
            double px = number(spacing.split("\\\\")[0]);
            if (px > 0) {
                return px;
            }
        }
        return null;
    }

    private static double[] vector(String v, int frames) {
        if (v == null || frames < 2) {
            return null;
        }
        String[] parts = v.trim().split("[\\\\\\s,]+");
        int shift = parts.length == frames ? 0 : parts.length == frames - 1 ? -1 : Integer.MIN_VALUE;
        if (shift == Integer.MIN_VALUE) {
            return null;
        }
        double[] t = new double[frames];
        for (int i = 1; i < frames; i++) {
            double inc = number(parts[i + shift]);
            if (!(inc >= 0)) {
                return null;
            }
            t[i] = t[i - 1] + inc / 1000.0;
        }
        return t;
    }

    private static double number(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s.trim().split("\\s+")[0]);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double[] regular(int n, double dt) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * dt;
        }
        return t;
    }
}
