package org.ceusperfusion.synth;

import java.util.SplittableRandom;

/**
 * Per-pixel bolus parameters of a synthetic loop: region, area A and onset t0 of every pixel.
 * Package-private; built once per loop from the spec and a seeded stream.
 */
final class PixelMap {
    static final byte NORMAL = 0;
    static final byte TUMOUR = 1;
    static final byte CORE = 2;

    private static final int WAVES = 4;

    final int width;
    final int height;
    final byte[] region;
    final double[] area;
    final double[] onsetS;

    private PixelMap(int width, int height) {
        this.width = width;
        this.height = height;
        int n = width * height;
        region = new byte[n];
        area = new double[n];
        onsetS = new double[n];
    }

    /** Draws the map; the stream is consumed in a fixed order (fields first, then onsets). */
    static PixelMap build(SyntheticLoopSpec spec, SplittableRandom rng) {
        PixelMap m = new PixelMap(spec.width(), spec.height());
        m.assignRegions(spec);
        double[] vTumour = field(spec.tumourBolus().variation(), m.width, m.height, rng);
        double[] vNormal = field(spec.normalBolus().variation(), m.width, m.height, rng);
        for (int i = 0; i < m.region.length; i++) {
            boolean tumour = m.region[i] != NORMAL;
            BolusSpec b = tumour ? spec.tumourBolus() : spec.normalBolus();
            double v = tumour ? vTumour[i] : vNormal[i];
            m.area[i] = m.region[i] == CORE ? 0 : b.meanArea() * (1 + b.amplitudeVariation() * v);
        }
        for (int i = 0; i < m.region.length; i++) {
            BolusSpec b = m.region[i] != NORMAL ? spec.tumourBolus() : spec.normalBolus();
            double jitter = b.t0JitterS() > 0 ? (2 * rng.nextDouble() - 1) * b.t0JitterS() : 0;
            m.onsetS[i] = b.t0S() + jitter;
        }
        return m;
    }

    private void assignRegions(SyntheticLoopSpec spec) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                byte r = NORMAL;
                if (spec.tumour().containsPixel(x, y)) {
                    r = spec.core() != null && spec.core().containsPixel(x, y) ? CORE : TUMOUR;
                }
                region[y * width + x] = r;
            }
        }
    }

    /** A variation field in [−1, 1] over the image. */
    private static double[] field(AmplitudeVariation kind, int w, int h, SplittableRandom rng) {
        double[] v = new double[w * h];
        if (kind == AmplitudeVariation.RANDOM) {
            for (int i = 0; i < v.length; i++) {
                v[i] = 2 * rng.nextDouble() - 1;
            }
            return v;
        }
        for (int k = 0; k < WAVES; k++) {
            double angle = rng.nextDouble() * 2 * Math.PI;
            double wavelength = 8 + 24 * rng.nextDouble();
            double phase = rng.nextDouble() * 2 * Math.PI;
            double kx = 2 * Math.PI * StrictMath.cos(angle) / wavelength;
            double ky = 2 * Math.PI * StrictMath.sin(angle) / wavelength;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    v[y * w + x] += StrictMath.cos(kx * (x + 0.5) + ky * (y + 0.5) + phase) / WAVES;
                }
            }
        }
        return v;
    }
}
