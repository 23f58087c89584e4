package org.ceusperfusion.maps;

import java.util.Arrays;
import java.util.List;
import org.ceusperfusion.fit.FitStatus;
import org.ceusperfusion.params.PerfusionParameter;

/**
 * The result of {@link ParametricMapper#map}: one float image per parameter, plus R², fit status and
 * the mean frame, all row-major {@code width × height}.
 *
 * <p>Pixel values: parameters in their units ({@link PerfusionParameter#unit()}); pixels outside the
 * mapped area are NaN everywhere; a pixel without a visible bolus ({@link FitStatus#NO_BOLUS}) has
 * 0 for every amplitude-type parameter (unit {@code a.u.…}) and NaN for the times; a pixel whose fit
 * failed ({@link FitStatus#FAILED}, {@link FitStatus#TOO_FEW_POINTS}) is NaN. The status image holds
 * {@link FitStatus#ordinal()} (0 OK, 1 NOT_CONVERGED, 2 NO_BOLUS, 3 TOO_FEW_POINTS, 4 FAILED).
 *
 * @param width        frame width, pixels
 * @param height       frame height, pixels
 * @param pixelSizeMm  pixel size, mm, or {@code null}
 * @param settings     how the map was made
 * @param modelName    the bolus model's label
 * @param values       one image per {@code settings.params()}, in that order
 * @param ciLo         lower 95 % bounds per parameter, or {@code null} without {@link MapSettings#withCi()}
 * @param ciHi         upper 95 % bounds per parameter, or {@code null}
 * @param r2           R² of each pixel's fit (NaN without a fit)
 * @param status       fit status ordinal per pixel (NaN outside the mapped area)
 * @param meanFrame    mean grey value of each pixel over all frames (the overlay's background)
 * @param mapped       whether each pixel was mapped (inside the ROI, or every pixel without one)
 * @param pixelsMapped number of mapped pixels
 * @param curves       number of curves processed (pixels, or bins with {@code bin > 1})
 * @param fits         number of those curves fitted by Levenberg–Marquardt (the others showed no bolus)
 * @param frameBin     frames averaged into each sample of the fitted curves
 * @param samples      samples per fitted curve
 * @param seconds      wall-clock time of the mapping (reading the frames and fitting), s
 * @param riseS        the fastest bolus rise (onset to peak) that set automatic temporal binning, s
 *                     (NaN with a fixed binning or when none was measured)
 */
public record ParametricMaps(int width, int height, Double pixelSizeMm, MapSettings settings, String modelName,
                             float[][] values, float[][] ciLo, float[][] ciHi, float[] r2, float[] status,
                             float[] meanFrame, boolean[] mapped, int pixelsMapped, int curves, int fits, int frameBin, int samples,
                             double seconds, double riseS) {

    /** @return the parameters mapped, in image order */
    public List<PerfusionParameter> params() {
        return settings.params();
    }

    /**
     * @return the image of {@code p} (not a copy; do not modify)
     * @throws IllegalArgumentException when {@code p} was not mapped
     */
    public float[] values(PerfusionParameter p) {
        int i = params().indexOf(p);
        if (i < 0) {
            throw new IllegalArgumentException(p.label() + " was not mapped (mapped: " + params() + ")");
        }
        return values[i];
    }

    /** @return mapped pixels per fit status, indexed by {@link FitStatus#ordinal()} */
    public int[] statusCounts() {
        int[] c = new int[FitStatus.values().length];
        for (int i = 0; i < status.length; i++) {
            if (mapped[i] && !Float.isNaN(status[i])) {
                c[(int) status[i]]++;
            }
        }
        return c;
    }

    /** @return mapped pixels whose fit failed (NaN parameters): FAILED or TOO_FEW_POINTS */
    public int pixelsFailed() {
        int[] c = statusCounts();
        return c[FitStatus.FAILED.ordinal()] + c[FitStatus.TOO_FEW_POINTS.ordinal()];
    }

    /** @return curves fitted per second of {@link #seconds()} */
    public double fitsPerSecond() {
        return seconds > 0 ? fits / seconds : Double.NaN;
    }

    /** @return curves (fitted or screened) per second of {@link #seconds()} */
    public double curvesPerSecond() {
        return seconds > 0 ? curves / seconds : Double.NaN;
    }

    /** @return mapped pixels per second of {@link #seconds()} */
    public double pixelsPerSecond() {
        return seconds > 0 ? pixelsMapped / seconds : Double.NaN;
    }

    /**
     * @param image a map of this result
     * @param mask  pixels to include ({@code null}: the mapped pixels)
     * @return the finite values of {@code image} inside {@code mask}, sorted ascending
     */
    public float[] finiteSorted(float[] image, boolean[] mask) {
        boolean[] m = mask == null ? mapped : mask;
        float[] v = new float[image.length];
        int n = 0;
        for (int i = 0; i < image.length; i++) {
            if (m[i] && Float.isFinite(image[i])) {
                v[n++] = image[i];
            }
        }
        float[] out = Arrays.copyOf(v, n);
        Arrays.sort(out);
        return out;
    }

    /** @return the median of the finite values of {@code image} inside {@code mask} (NaN when none) */
    public double median(float[] image, boolean[] mask) {
        return quantile(finiteSorted(image, mask), 0.5);
    }

    /**
     * @param sorted ascending values
     * @param q      quantile in [0, 1]
     * @return the linearly interpolated quantile, NaN for an empty array
     */
    public static double quantile(float[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
