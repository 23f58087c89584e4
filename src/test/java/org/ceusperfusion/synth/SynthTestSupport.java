package org.ceusperfusion.synth;

import ij.process.ByteProcessor;

import org.ceusperfusion.cine.CineLoop;

/** Helpers shared by the synth tests: ImageJ's own oval mask and ROI-mean linear curves. */
final class SynthTestSupport {

    private SynthTestSupport() {
    }

    /** The mask ImageJ draws for an oval ROI {@code oval:x,y,w,h} (independent of our rasteriser). */
    static boolean[] imageJOval(int width, int height, String inlineSpec) {
        String[] v = inlineSpec.substring(inlineSpec.indexOf(':') + 1).split(",");
        ByteProcessor bp = new ByteProcessor(width, height);
        bp.setColor(255);
        bp.fillOval(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]), Integer.parseInt(v[3]));
        boolean[] m = new boolean[width * height];
        for (int i = 0; i < m.length; i++) {
            m[i] = bp.get(i) != 0;
        }
        return m;
    }

    /** ROI mean of linearised grey levels per frame, P = 10^(G·DR/(10·255)). */
    static double[] meanLinear(CineLoop loop, boolean[] mask, double dynamicRangeDb) {
        double[] out = new double[loop.frameCount()];
        for (int k = 0; k < out.length; k++) {
            float[] f = loop.frame(k);
            double s = 0;
            int n = 0;
            for (int i = 0; i < f.length; i++) {
                if (mask[i]) {
                    s += Math.pow(10, f[i] * dynamicRangeDb / 2550.0);
                    n++;
                }
            }
            out[k] = s / n;
        }
        return out;
    }

    /** Trapezoid area of {@code y − baseline} over the given times. */
    static double trapezoid(double[] t, double[] y, double baseline) {
        double a = 0;
        for (int i = 1; i < t.length; i++) {
            a += 0.5 * (t[i] - t[i - 1]) * (y[i] + y[i - 1] - 2 * baseline);
        }
        return a;
    }
}
