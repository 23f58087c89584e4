package org.ceusperfusion.tic;

import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the last destruction flash of a destruction–replenishment loop in a linear time-intensity curve
 * (an ROI mean or the whole-frame mean).
 *
 * <p>A high-MI flash destroys the bubbles: one to a few frames may be very bright, then the contrast
 * signal drops to near the tissue floor and recovers. Frame {@code j} is the first frame of a
 * replenishment when
 * <ul>
 *   <li>the level before it, the median of up to {@value #PRE} frames before {@code j} (at least 3; a few
 *       bright flash frames among them do not move the median), exceeds the level after it, the median of
 *       frames {@code j..j+2}, by more than {@value #K} noise scales and by more than
 *       {@value #MIN_HEIGHT_FRACTION} of the curve's contrast range (its 90th percentile above its floor);</li>
 *   <li>frame {@code j} and the level after it lie within {@value #FLOOR_FRACTION} of the drop's height
 *       above the curve's floor (the lowest 3-frame running median), while frame {@code j − 1} lies above
 *       half of it: the drop is sudden, between two frames;</li>
 *   <li>at least {@value #MIN_AFTER} frames follow {@code j}, and the signal recovers: a 3-frame running
 *       median after them regains {@value #RECOVERY_FRACTION} of the drop (a bolus washing out does not).</li>
 * </ul>
 * A bolus rises and washes out over many frames, so it rarely drops most of its height between two frames,
 * and when coarse sampling makes it look so, it does not rise again.
 * The noise scale is 1.4826·MAD of the second differences / √6 (a smooth curve does not inflate it).
 *
 * <p>Frames removed before (e.g. flash frames rejected by the motion step) show as a time gap and do not
 * matter. The replenishment is taken to start one frame interval (the median interval) before frame
 * {@code j}: at the last flash frame, or between the last frame before the drop and frame {@code j}.
 *
 * <pre>{@code
 * Optional<DestructionFlashDetector.Destruction> d = DestructionFlashDetector.detect(timesS, roiMean);
 * d.ifPresent(x -> fitFrom(x.firstSampleS(), x.tfS()));
 * }</pre>
 */
public final class DestructionFlashDetector {
    /** Largest number of frames before a candidate whose median is the level before the drop. */
    public static final int PRE = 8;
    /** Drop in noise scales. */
    public static final double K = 8;
    /** How close to the floor the frames after the drop must lie, as a fraction of the drop's height. */
    public static final double FLOOR_FRACTION = 0.4;
    /** Smallest drop as a fraction of the curve's contrast range (90th percentile minus floor). */
    public static final double MIN_HEIGHT_FRACTION = 0.3;
    /** The signal must recover this fraction of the drop after it (a 3-frame running median). */
    public static final double RECOVERY_FRACTION = 0.5;
    /** Frames that must follow the first frame of the replenishment. */
    public static final int MIN_AFTER = 6;

    /**
     * One destruction.
     *
     * @param index        index of the first sample after the flash (the first replenishment sample)
     * @param firstSampleS its time, s: the fit window starts here
     * @param tfS          the start of the replenishment, s: one median frame interval before {@code firstSampleS}
     * @param levelBefore  the level before the drop, a.u.
     * @param levelAfter   the level right after it, a.u.
     */
    public record Destruction(int index, double firstSampleS, double tfS, double levelBefore, double levelAfter) {
    }

    private DestructionFlashDetector() {
    }

    /** Frames before the drop that must sit on the plateau (3 of these 4 within its band; one may be a flash). */
    public static final int PLATEAU_FRAMES = 4;
    /** Half width of the plateau band, as a fraction of the drop. */
    public static final double PLATEAU_BAND = 0.4;

    /**
     * Finds a destruction flash after which the signal does <em>not</em> recover (targeted or static bubbles:
     * bolus, plateau, flash, floor). Frame {@code j} is the first sample after such a flash when the drop
     * rules of {@link #detect} hold (level before over level after by {@value #K} noise scales and
     * {@value #MIN_HEIGHT_FRACTION} of the contrast range; sudden; near the floor), the signal never regains
     * {@value #RECOVERY_FRACTION} of the drop, and 3 of the {@value #PLATEAU_FRAMES} samples before {@code j}
     * lie within ±{@value #PLATEAU_BAND} of the drop around the level before (a plateau, not a bolus peak
     * washing out between two coarse samples).
     *
     * @param timesS times, s, increasing
     * @param values linear intensities
     * @return the first such drop, or empty
     */
    public static Optional<Destruction> detectWithoutRefill(double[] timesS, double[] values) {
        if (timesS.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        int n = values.length;
        if (n < PLATEAU_FRAMES + 3) {
            return Optional.empty();
        }
        double floor = floor(values);
        double minDrop = Math.max(K * RobustStats.noiseOfSecondDifferences(values),
                MIN_HEIGHT_FRACTION * (percentile(values, 0.9) - floor));
        for (int j = PLATEAU_FRAMES; j + 3 <= n; j++) {
            Destruction d = drop(timesS, values, j, floor, minDrop);
            if (d != null && !recovers(values, j + 3, d.levelAfter() + RECOVERY_FRACTION
                    * (d.levelBefore() - d.levelAfter())) && onPlateau(values, j, d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static boolean onPlateau(double[] y, int j, Destruction d) {
        double band = PLATEAU_BAND * (d.levelBefore() - d.levelAfter());
        int inside = 0;
        for (int i = j - PLATEAU_FRAMES; i < j; i++) {
            inside += Math.abs(y[i] - d.levelBefore()) <= band ? 1 : 0;
        }
        return inside >= PLATEAU_FRAMES - 1;
    }

    /** The drop rules shared by both detectors (without the recovery test). */
    private static Destruction drop(double[] t, double[] y, int j, double floor, double minDrop) {
        if (!Double.isFinite(y[j]) || !Double.isFinite(y[j - 1])) {
            return null;
        }
        double before = RobustStats.median(Arrays.copyOfRange(y, Math.max(0, j - PRE), j));
        double after = RobustStats.median(Arrays.copyOfRange(y, j, j + 3));
        double height = before - floor;
        if (!(before - after > minDrop) || !(height > 0)) {
            return null;
        }
        boolean nearFloor = after - floor < FLOOR_FRACTION * height && y[j] - floor < FLOOR_FRACTION * height;
        boolean sudden = y[j - 1] - floor > 0.5 * height;
        return nearFloor && sudden ? new Destruction(j, t[j], t[j] - RobustStats.medianStep(t), before, after) : null;
    }

    /**
     * @param timesS times of the samples, s, increasing
     * @param values linear intensities (ROI mean or frame mean); non-finite samples are never a drop
     * @return the last destruction, or empty when none is found
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static Optional<Destruction> detect(double[] timesS, double[] values) {
        if (timesS.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        int n = values.length;
        if (n < 3 + MIN_AFTER) {
            return Optional.empty();
        }
        double floor = floor(values);
        double minHeight = MIN_HEIGHT_FRACTION * (percentile(values, 0.9) - floor);
        double scale = RobustStats.noiseOfSecondDifferences(values);
        Destruction last = null;
        for (int j = 3; j + MIN_AFTER <= n - 1; j++) {
            Destruction d = candidate(timesS, values, j, floor, Math.max(K * scale, minHeight));
            if (d != null) {
                last = d;
                j += 2;
            }
        }
        return Optional.ofNullable(last);
    }

    private static Destruction candidate(double[] t, double[] y, int j, double floor, double minDrop) {
        Destruction d = drop(t, y, j, floor, minDrop);
        if (d == null || !recovers(y, j + 3, d.levelAfter() + RECOVERY_FRACTION * (d.levelBefore() - d.levelAfter()))) {
            return null;
        }
        return d;
    }

    /** @return whether a 3-sample running median from {@code from} on reaches {@code level} */
    private static boolean recovers(double[] y, int from, double level) {
        for (int i = from; i + 3 <= y.length; i++) {
            if (RobustStats.median(Arrays.copyOfRange(y, i, i + 3)) >= level) {
                return true;
            }
        }
        return false;
    }

    /** @return the lowest 3-sample running median */
    static double floor(double[] y) {
        double f = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 3 <= y.length; i++) {
            double m = RobustStats.median(Arrays.copyOfRange(y, i, i + 3));
            if (m < f) {
                f = m;
            }
        }
        return f;
    }

    /** @return the {@code q}-quantile (nearest rank) of the finite values */
    static double percentile(double[] v, double q) {
        double[] f = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        return f.length == 0 ? Double.NaN : f[Math.min(f.length - 1, (int) Math.floor(q * f.length))];
    }
}
