package org.ceusperfusion.motion;

import java.util.List;

/**
 * Which frames the fit uses.
 *
 * @param used     per 0-based frame: used by the fit
 * @param rejected the frames left out, in frame order, each with its reason
 */
public record FrameSelection(boolean[] used, List<RejectedFrame> rejected) {

    public FrameSelection {
        used = used.clone();
        rejected = List.copyOf(rejected);
    }

    /** @return every one of {@code n} frames used */
    public static FrameSelection all(int n) {
        boolean[] u = new boolean[n];
        java.util.Arrays.fill(u, true);
        return new FrameSelection(u, List.of());
    }

    /** @return per 0-based frame: used (a copy) */
    @Override
    public boolean[] used() {
        return used.clone();
    }

    /** @return whether 0-based frame {@code i} is used */
    public boolean isUsed(int i) {
        return used[i];
    }

    /** @return the number of frames used */
    public int usedCount() {
        int n = 0;
        for (boolean b : used) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /**
     * The samples the fit sees: used frames whose value is finite.
     *
     * @param timesS frame times, s
     * @param values per-frame values
     * @return {@code {times, values}} of the kept frames
     */
    public double[][] keep(double[] timesS, double[] values) {
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            n += used[i] && Double.isFinite(values[i]) ? 1 : 0;
        }
        double[] t = new double[n];
        double[] v = new double[n];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (used[i] && Double.isFinite(values[i])) {
                t[k] = timesS[i];
                v[k++] = values[i];
            }
        }
        return new double[][] {t, v};
    }
}
