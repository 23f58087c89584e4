package org.ceusperfusion.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceusperfusion.InputException;

/**
 * Frame times of an {@link ImagePlus}: how CEUS Perfusion stores them on an image and reads them back.
 *
 * <p>Times are written three ways: the property {@value #TIMES_PROPERTY} (every time, comma-separated,
 * exact), slice labels {@code t=<s> s}, and {@link Calibration#frameInterval} (the median interval).
 * They are read back in that order of preference. An image with none of them is refused
 * ({@link #MISSING}): the times are never guessed.
 */
final class ImageTimes {
    /** ImagePlus property holding every frame time in seconds, comma-separated. */
    static final String TIMES_PROPERTY = "CEUS.times";

    /** Why an image without frame times is refused: no guessing of 1 s per frame. */
    static final String MISSING = "no frame times: the image has no frame interval and its file states none."
            + " Give frame_interval=<s> (the dialog asks for it), set Image > Properties > Frame interval,"
            + " or open the file with Open Cine Loop...";

    private static final Pattern LABEL = Pattern.compile("^t=([-+0-9.eE]+) s\\b.*");

    private ImageTimes() {
    }

    /** Frame times with where they came from. */
    record Resolved(double[] timesS, String source) {
    }

    /** @return the value of {@link #TIMES_PROPERTY} for {@code timesS} (exact round trip) */
    static String format(double[] timesS) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < timesS.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Double.toString(timesS[i]));
        }
        return sb.toString();
    }

    /** @return the slice label of a frame at {@code timeS}, e.g. {@code t=0.076 s} */
    static String label(double timeS) {
        String v = BigDecimal.valueOf(timeS).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return "t=" + v + " s";
    }

    /**
     * Reads the frame times of {@code n} frames from {@code imp}.
     *
     * @param imp       the image
     * @param stackIdx  1-based stack index of each frame (for slice labels)
     * @param warnings  receives a warning when times had to be assumed
     * @return the times, from the first frame, in seconds
     */
    static Resolved resolve(ImagePlus imp, int[] stackIdx, List<String> warnings) {
        int n = stackIdx.length;
        double[] t = fromProperty(imp, n);
        if (t != null) {
            return new Resolved(t, "ImageJ property " + TIMES_PROPERTY);
        }
        t = fromLabels(imp.getStack(), stackIdx);
        if (t != null) {
            return new Resolved(t, "ImageJ slice labels");
        }
        Calibration cal = imp.getCalibration();
        double dt = toSeconds(cal.frameInterval, cal.getTimeUnit());
        if (dt > 0) {
            return new Resolved(regular(n, dt), "ImageJ frame interval");
        }
        if (cal.fps > 0) {
            return new Resolved(regular(n, 1.0 / cal.fps), "ImageJ frame rate");
        }
        if (n > 1) {
            throw new InputException(imp.getTitle(), MISSING);
        }
        return new Resolved(regular(n, 1.0), "single frame");
    }

    /**
     * @return whether {@link #resolve} finds frame times on {@code imp} (or it has a single frame)
     */
    static boolean known(ImagePlus imp, int[] stackIdx) {
        Calibration cal = imp.getCalibration();
        return stackIdx.length < 2 || fromProperty(imp, stackIdx.length) != null
                || fromLabels(imp.getStack(), stackIdx) != null
                || toSeconds(cal.frameInterval, cal.getTimeUnit()) > 0 || cal.fps > 0;
    }

    /**
     * @param n          number of frames
     * @param intervalS  frame interval given by the user, s
     * @return regular times from 0
     * @throws InputException when the interval is not a positive number
     */
    static Resolved given(int n, double intervalS) {
        if (!(intervalS > 0) || !Double.isFinite(intervalS)) {
            throw new InputException("frame_interval=", "expected a positive number of seconds, got " + intervalS);
        }
        return new Resolved(regular(n, intervalS), "option frame_interval");
    }

    private static double[] fromProperty(ImagePlus imp, int n) {
        String s = imp.getProp(TIMES_PROPERTY);
        if (s == null || s.isBlank()) {
            return null;
        }
        String[] parts = s.split(",");
        if (parts.length != n) {
            return null;
        }
        double[] t = new double[n];
        try {
            for (int i = 0; i < n; i++) {
                t[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return increasing(t) ? t : null;
    }

    private static double[] fromLabels(ImageStack stack, int[] stackIdx) {
        if (stackIdx.length < 2) {
            return null;
        }
        double[] t = new double[stackIdx.length];
        for (int i = 0; i < t.length; i++) {
            String label = stack.getSliceLabel(stackIdx[i]);
            Matcher m = label == null ? null : LABEL.matcher(label.trim());
            if (m == null || !m.matches()) {
                return null;
            }
            try {
                t[i] = Double.parseDouble(m.group(1));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        double t0 = t[0];
        for (int i = 0; i < t.length; i++) {
            t[i] -= t0;
        }
        return increasing(t) ? t : null;
    }

    private static boolean increasing(double[] t) {
        for (int i = 1; i < t.length; i++) {
            if (!(t[i] >= t[i - 1])) {
                return false;
            }
        }
        return t.length == 0 || Double.isFinite(t[t.length - 1]);
    }

    /** @return {@code value} in the time unit {@code unit} converted to seconds, or NaN when unknown */
    static double toSeconds(double value, String unit) {
        String u = unit == null ? "s" : unit.trim().toLowerCase(Locale.ROOT);
        return switch (u) {
            case "s", "sec", "second", "seconds", "" -> value;
            case "ms", "msec" -> value / 1000.0;
            case "min" -> value * 60.0;
            case "µs", "us" -> value / 1e6;
            default -> Double.NaN;
        };
    }

    private static double[] regular(int n, double dt) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * dt;
        }
        return t;
    }
}
