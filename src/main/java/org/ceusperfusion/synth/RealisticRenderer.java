package org.ceusperfusion.synth;

import java.util.SplittableRandom;

/**
 * Renders the frames of a realistic loop one at a time (model in {@link Realism}), carrying the AR(1)
 * speckle and gain states from frame to frame. Uses {@link Math} (not StrictMath) in the per-pixel loop for
 * speed, so frames are identical run to run on one JVM/platform (the plain generator's bundled loops keep
 * their StrictMath byte identity). Package-private.
 */
final class RealisticRenderer {
    private final RealisticSpec rs;
    private final Realism r;
    private final PixelTruth px;
    private final boolean[] tumourMask;
    private final SplittableRandom speckleRng;
    private final SplittableRandom noiseRng;
    private final SplittableRandom gainRng;
    private final int[] cellOf;
    private final int[] groupOf;
    private final MixtureCurve.Component[] groups;
    private final double[] groupValue;
    private final double[] tissue;
    private final double[] zr;
    private final double[] zi;
    private final double[] mult;
    private final double[] logGain = new double[2];
    private final double background;
    private final double noiseFloor;
    private final double gainSd;
    private final double multSd;
    private double lastT = Double.NaN;
    private long clipped;
    private long tumourSamples;

    RealisticRenderer(RealisticSpec rs, PixelTruth px, boolean[] tumourMask, SplittableRandom speckleRng,
                      SplittableRandom noiseRng, SplittableRandom gainRng) {
        this.rs = rs;
        this.r = rs.realism();
        this.px = px;
        this.tumourMask = tumourMask;
        this.speckleRng = speckleRng;
        this.noiseRng = noiseRng;
        this.gainRng = gainRng;
        int g = r.speckleGrainPx();
        int w = px.width();
        int h = px.height();
        int cw = (w + g - 1) / g;
        int nCells = cw * ((h + g - 1) / g);
        cellOf = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                cellOf[y * w + x] = (y / g) * cw + x / g;
            }
        }
        groupOf = new int[w * h];
        java.util.Map<MixtureCurve.Component, Integer> ids = new java.util.LinkedHashMap<>();
        for (int i = 0; i < groupOf.length; i++) {
            groupOf[i] = ids.computeIfAbsent(new MixtureCurve.Component(px.bolus(i), px.onsetAt(i)), k -> ids.size());
        }
        groups = ids.keySet().toArray(new MixtureCurve.Component[0]);
        groupValue = new double[groups.length];
        tissue = new double[nCells];
        zr = new double[nCells];
        zi = new double[nCells];
        mult = new double[nCells];
        for (int c = 0; c < nCells; c++) {
            tissue[c] = -StrictMath.log1p(-speckleRng.nextDouble());
            zr[c] = speckleRng.nextGaussian() * Math.sqrt(0.5);
            zi[c] = speckleRng.nextGaussian() * Math.sqrt(0.5);
        }
        background = rs.effectiveBackground();
        noiseFloor = rs.effectiveNoiseFloor();
        gainSd = Math.sqrt(StrictMath.log1p(r.gainCv() * r.gainCv()));
        multSd = Math.sqrt(StrictMath.log1p(r.multiplicativeCv() * r.multiplicativeCv()));
        for (int k = 0; k < 2; k++) {
            logGain[k] = gainSd > 0 ? gainSd * gainRng.nextGaussian() : 0;
        }
    }

    long clipped() {
        return clipped;
    }

    long tumourSamples() {
        return tumourSamples;
    }

    /**
     * @param tS        frame time, s
     * @param frameGain whole-frame power factor (flashes)
     * @param curveS    time at which the enhancement is evaluated (tS, or just before a destruction flash)
     */
    float[] render(double tS, double frameGain, double curveS) {
        return grey(power(tS, frameGain, curveS));
    }

    /**
     * As {@link #render} but shown moved by (dxPx, dyPx): display pixel (x, y) shows the world point
     * (x − dx, y − dy), bilinear in linear power, the frame edge replicated outside.
     */
    float[] render(double tS, double frameGain, double curveS, double dxPx, double dyPx) {
        double[] p = power(tS, frameGain, curveS);
        return grey(dxPx == 0 && dyPx == 0 ? p : shifted(p, px.width(), px.height(), dxPx, dyPx));
    }

    /** @return linear power per pixel at time {@code tS} (arguments as {@link #render}) */
    private double[] power(double tS, double frameGain, double curveS) {
        advance(tS);
        SyntheticLoopSpec spec = rs.base();
        double[] gain = {StrictMath.exp(logGain[0] - gainSd * gainSd / 2), StrictMath.exp(logGain[1] - gainSd * gainSd / 2)};
        double scale = spec.maxGrey() / spec.dynamicRangeDb() * 10;
        double clipPower = Math.pow(10, (spec.maxGrey() + 0.5) / scale);
        for (int g = 0; g < groups.length; g++) {
            groupValue[g] = MixtureCurve.pixelValue(groups[g].shape(), 1, groups[g].onsetS(), curveS, recirculation(),
                    r.destruction());
        }
        double[] out = new double[cellOf.length];
        for (int i = 0; i < out.length; i++) {
            int c = cellOf[i];
            double e = px.areaAt(i) * groupValue[groupOf[i]];
            double s = zr[c] * zr[c] + zi[c] * zi[c];
            double n = spec.noiseFloorRandom() ? noiseFloor * -Math.log1p(-noiseRng.nextDouble()) : noiseFloor;
            double p = (gain[px.regionAt(i) == PixelTruth.NORMAL ? 0 : 1] * mult[c] * (background * tissue[c] + e * s)
                    + n) * frameGain;
            if (tumourMask[i]) {
                tumourSamples++;
                if (p >= clipPower) {
                    clipped++;
                }
            }
            out[i] = p;
        }
        return out;
    }

    /** @return grey values of linear powers: log compression over the dynamic range, clamped to 0..maxGrey */
    private float[] grey(double[] power) {
        SyntheticLoopSpec spec = rs.base();
        double scale = spec.maxGrey() / spec.dynamicRangeDb() * 10;
        int maxGrey = spec.maxGrey();
        float[] out = new float[power.length];
        for (int i = 0; i < out.length; i++) {
            double p = power[i];
            out[i] = p > 0 ? (float) Math.max(0, Math.min(maxGrey, Math.round(scale * Math.log10(p)))) : 0;
        }
        return out;
    }

    /** @return {@code p} ({@code w × h}) moved by (dx, dy): bilinear, edges replicated */
    static double[] shifted(double[] p, int w, int h, double dx, double dy) {
        double[] out = new double[p.length];
        for (int y = 0; y < h; y++) {
            double wy = Math.max(0, Math.min(h - 1, y - dy));
            int y0 = Math.min(h - 2, (int) Math.floor(wy));
            double fy = wy - y0;
            for (int x = 0; x < w; x++) {
                double wx = Math.max(0, Math.min(w - 1, x - dx));
                int x0 = Math.min(w - 2, (int) Math.floor(wx));
                double fx = wx - x0;
                int i = y0 * w + x0;
                double top = p[i] * (1 - fx) + p[i + 1] * fx;
                double bottom = p[i + w] * (1 - fx) + p[i + w + 1] * fx;
                out[y * w + x] = top * (1 - fy) + bottom * fy;
            }
        }
        return out;
    }

    private Realism.Recirculation recirculation() {
        return r.destruction() == null ? r.recirculation() : null;
    }

    /** Moves speckle, multiplicative noise and gain to time {@code tS}. */
    private void advance(double tS) {
        double dt = Double.isNaN(lastT) ? 0 : tS - lastT;
        lastT = tS;
        double a = coefficient(dt, 2 * r.speckleTauS());
        double b = Math.sqrt(Math.max(0, 1 - a * a)) * Math.sqrt(0.5);
        boolean first = dt == 0;
        for (int c = 0; c < zr.length; c++) {
            if (!first && a < 1) {
                zr[c] = a * zr[c] + b * speckleRng.nextGaussian();
                zi[c] = a * zi[c] + b * speckleRng.nextGaussian();
            }
            mult[c] = multSd > 0 ? Math.exp(multSd * speckleRng.nextGaussian() - multSd * multSd / 2) : 1;
        }
        if (!first && gainSd > 0) {
            double rho = coefficient(dt, r.gainTauS());
            for (int k = 0; k < 2; k++) {
                logGain[k] = rho * logGain[k] + Math.sqrt(1 - rho * rho) * gainSd * gainRng.nextGaussian();
            }
        }
    }

    /** @return exp(−dt/timeS); 0 for timeS = 0, 1 for an infinite time */
    private static double coefficient(double dt, double timeS) {
        if (timeS == 0) {
            return 0;
        }
        return Double.isInfinite(timeS) ? 1 : StrictMath.exp(-dt / timeS);
    }
}
