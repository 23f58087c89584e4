package org.ceusperfusion.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * RECIST-like size response from sums of target-lesion diameters measured on ultrasound.
 *
 * <p>Rules (RECIST 1.1 thresholds, applied to the last exam): PD when a follow-up exam reported a new
 * lesion (certain: probability 1); CR when every diameter is 0; PD when the sum is ≥ 20 % <em>and</em>
 * ≥ 5 mm above the smallest sum of the earlier exams (baseline included); otherwise PR when the sum is
 * ≥ 30 % below baseline; otherwise SD. PD takes precedence over PR. Threshold comparisons allow 1e-9 mm
 * of rounding, so exactly +20 % and +5 mm is PD.
 *
 * <p>Uncertainty: each non-zero diameter is taken as the truth plus normal error of SD
 * {@code measurementSdMm} (default {@value #DEFAULT_SD_MM} mm); a seeded Monte Carlo of
 * {@value #DRAWS} draws redraws every diameter (truncated at 0; a 0 stays 0: a vanished lesion is not
 * re-measured) and counts the categories. The response is <em>indeterminate</em> when no category has
 * probability ≥ {@value #CONFIDENT}.
 */
public final class RecistLike {
    /** The criteria label written into results. */
    public static final String CRITERIA = "RECIST-like (ultrasound)";
    /** Default SD of one diameter measurement, mm. */
    public static final double DEFAULT_SD_MM = 1.5;
    /** Probability a category needs for a confident call. */
    public static final double CONFIDENT = 0.9;
    /** Monte Carlo draws. */
    public static final int DRAWS = 20000;
    private static final double EPS = 1e-9;

    private RecistLike() {
    }

    /**
     * @param sums sum of diameters per exam, mm, in exam order (first = baseline), at least two
     * @param lastAllZero whether every diameter of the last exam is 0
     * @return the category of the last exam
     */
    public static SizeCategory categorize(double[] sums, boolean lastAllZero) {
        if (lastAllZero) {
            return SizeCategory.CR;
        }
        int n = sums.length;
        double nadir = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n - 1; i++) {
            nadir = Math.min(nadir, sums[i]);
        }
        double last = sums[n - 1];
        if (last - nadir >= 0.2 * nadir - EPS && last - nadir >= 5.0 - EPS) {
            return SizeCategory.PD;
        }
        if (last <= 0.7 * sums[0] + EPS) {
            return SizeCategory.PR;
        }
        return SizeCategory.SD;
    }

    /**
     * @param diametersMm per exam, in order (first = baseline), the target-lesion diameters, mm; at least two exams
     * @param sdMm        SD of one diameter measurement, mm (≥ 0)
     * @param seed        Monte Carlo seed (results are reproducible)
     * @return the category with its probabilities
     */
    public static SizeResponse assess(List<double[]> diametersMm, double sdMm, long seed) {
        return assess(diametersMm, sdMm, seed, false);
    }

    /**
     * As {@link #assess(List, double, long)}, with a new-lesion flag: when set the category is PD with
     * probability 1 (a new lesion is not subject to diameter measurement error); the diameter changes
     * are still reported.
     *
     * @param newLesion whether a follow-up exam reported a new lesion
     */
    public static SizeResponse assess(List<double[]> diametersMm, double sdMm, long seed, boolean newLesion) {
        if (diametersMm.size() < 2) {
            if (newLesion) {
                return newLesionOnly(sdMm);
            }
            throw new IllegalArgumentException("a size response needs at least two exams with diameters");
        }
        double[] sums = diametersMm.stream().mapToDouble(RecistLike::sum).toArray();
        double[] last = diametersMm.get(diametersMm.size() - 1);
        SizeCategory cat = newLesion ? SizeCategory.PD : categorize(sums, allZero(last));
        Map<SizeCategory, Double> prob = newLesion ? certainPd() : simulate(diametersMm, sdMm, seed);
        double best = prob.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        int n = sums.length;
        double nadir = sums[0];
        for (int i = 0; i < n - 1; i++) {
            nadir = Math.min(nadir, sums[i]);
        }
        return new SizeResponse(cat, prob, best < CONFIDENT, CRITERIA, pct(sums[0], sums[n - 1]),
                pct(nadir, sums[n - 1]), sums[n - 1] - nadir, sdMm, newLesion);
    }

    /** @return PD from a new lesion alone, without diameters */
    static SizeResponse newLesionOnly(double sdMm) {
        return new SizeResponse(SizeCategory.PD, certainPd(), false, CRITERIA, Double.NaN, Double.NaN, Double.NaN,
                sdMm, true);
    }

    private static Map<SizeCategory, Double> certainPd() {
        Map<SizeCategory, Double> prob = new EnumMap<>(SizeCategory.class);
        for (SizeCategory c : SizeCategory.values()) {
            prob.put(c, c == SizeCategory.PD ? 1.0 : 0.0);
        }
        return prob;
    }

    private static Map<SizeCategory, Double> simulate(List<double[]> diameters, double sdMm, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] counts = new int[SizeCategory.values().length];
        double[] sums = new double[diameters.size()];
        double[] last = diameters.get(diameters.size() - 1);
        boolean lastZero = allZero(last);
        for (int k = 0; k < DRAWS; k++) {
            for (int e = 0; e < sums.length; e++) {
                double s = 0;
                for (double d : diameters.get(e)) {
                    s += d == 0 ? 0 : Math.max(0, d + sdMm * gaussian(rnd));
                }
                sums[e] = s;
            }
            counts[categorize(sums, lastZero).ordinal()]++;
        }
        Map<SizeCategory, Double> prob = new EnumMap<>(SizeCategory.class);
        for (SizeCategory c : SizeCategory.values()) {
            prob.put(c, counts[c.ordinal()] / (double) DRAWS);
        }
        return prob;
    }

    /** Standard normal deviate (Box–Muller; one of the pair is used, for simplicity). */
    private static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static double sum(double[] d) {
        double s = 0;
        for (double x : d) {
            s += x;
        }
        return s;
    }

    private static boolean allZero(double[] d) {
        for (double x : d) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static double pct(double a, double b) {
        return a > 0 ? 100 * (b / a - 1) : Double.NaN;
    }

    /** @return the diameter lists of {@code exams} that have diameters, in order */
    static List<double[]> diametersOf(List<ExamInput> exams) {
        List<double[]> out = new ArrayList<>();
        for (ExamInput e : exams) {
            if (e.diametersMm() != null && e.diametersMm().length > 0) {
                out.add(e.diametersMm());
            }
        }
        return out;
    }
}
