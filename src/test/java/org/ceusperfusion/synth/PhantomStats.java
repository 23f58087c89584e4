package org.ceusperfusion.synth;

import org.ceusperfusion.cine.CineLoop;

/** Statistics helpers of the realistic phantom tests. */
final class PhantomStats {

    private PhantomStats() {
    }

    /** @return linear power of every pixel of frame k (grey linearised with DR dB, 255 levels) */
    static double[] linear(CineLoop loop, int k, double dr) {
        float[] f = loop.frame(k);
        double[] p = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            p[i] = SyntheticLoopGenerator.linearise(f[i], dr, 255);
        }
        return p;
    }

    /** @return Pearson correlation of two equally long samples */
    static double corr(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    static double variance(double[] a) {
        double m = mean(a);
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return s / (a.length - 1);
    }

    /** @return the means of the 10×10 boxes tiling a 120×90 frame (108 values) */
    static double[] boxMeans(double[] p, int width, int height, int box) {
        int bx = width / box;
        int by = height / box;
        double[] m = new double[bx * by];
        for (int y = 0; y < by * box; y++) {
            for (int x = 0; x < bx * box; x++) {
                m[(y / box) * bx + x / box] += p[y * width + x] / (box * box);
            }
        }
        return m;
    }

    /**
     * A plateau phantom: every pixel has the same constant enhancement {@code level} (onset far before the
     * first frame, no core, no variation), 120×90 px, {@code frames} frames at {@code fps}.
     */
    static RealisticSpec plateau(double level, double background, double floor, boolean floorRandom, double fps,
                                 int frames, Realism realism, long seed) {
        BolusSpec b = BolusSpec.of(level, 0, 0.3, -1000);
        SyntheticLoopSpec s = SyntheticLoopSpec.defaults().withTiming(FrameTiming.regular(fps, frames))
                .withTumour(SyntheticLoopSpec.defaults().tumour(), null).withTumourBolus(b)
                .withNormal(SyntheticLoopSpec.defaults().normalRoi(), b).withBackgroundPower(background)
                .withNoiseFloor(floor, floorRandom).withSeed(seed);
        return new RealisticSpec(s, realism.withDestruction(new Realism.Destruction(1e9, 1, 1, false, 1, 0)));
    }
}
