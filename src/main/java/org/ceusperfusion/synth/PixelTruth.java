package org.ceusperfusion.synth;

import java.util.SplittableRandom;

/**
 * The exact per-pixel truth of a realistic loop: region, bolus area A (a.u.·s; plateau level in a.u. for
 * destruction loops), onset (s from the first frame) and bolus shape of every pixel, row-major
 * {@code i = y·width + x}. Built by {@link RealisticLoopGenerator}; read-only for callers.
 *
 * <p>First-pass per-pixel values use the lognormal closed forms: TTP = onset + e^(μ−σ²), PE = A·peak.
 * "Perfused" means A &gt; 0 (the weak rim is perfused; only the core is not).
 */
public final class PixelTruth {
    /** Region code: outside the tumour ellipse (normal bolus). */
    public static final byte NORMAL = PixelMap.NORMAL;
    /** Region code: tumour, enhancing. */
    public static final byte TUMOUR = PixelMap.TUMOUR;
    /** Region code: necrotic core (A = 0). */
    public static final byte CORE = PixelMap.CORE;
    /** Region code: weakly enhancing rim around the core. */
    public static final byte RIM = 3;

    private final int width;
    private final int height;
    private final byte[] region;
    private final double[] area;
    private final double[] onsetS;
    private final BolusSpec tumourBolus;
    private final BolusSpec normalBolus;

    private PixelTruth(PixelMap m, BolusSpec tumourBolus, BolusSpec normalBolus) {
        this.width = m.width;
        this.height = m.height;
        this.region = m.region;
        this.area = m.area;
        this.onsetS = m.onsetS;
        this.tumourBolus = tumourBolus;
        this.normalBolus = normalBolus;
    }

    /** Builds the map: the base spec's {@link PixelMap}, then the rim and the tumour onset spread. */
    static PixelTruth build(SyntheticLoopSpec spec, Realism r, SplittableRandom mapRng, SplittableRandom spreadRng) {
        PixelMap m = PixelMap.build(spec, mapRng);
        for (int y = 0; y < m.height; y++) {
            for (int x = 0; x < m.width; x++) {
                int i = y * m.width + x;
                if (r.rim() != null && m.region[i] == PixelMap.TUMOUR && spec.core() != null && inRim(spec.core(),
                        r.rim().widthPx(), x, y)) {
                    m.region[i] = RIM;
                    m.area[i] = r.rim().amplitudeRatio() * spec.normalBolus().meanArea();
                }
                if (m.region[i] != PixelMap.NORMAL && r.onsetSpreadS() > 0) {
                    double u = r.normalOnsetSpread() ? spreadRng.nextGaussian() : 2 * spreadRng.nextDouble() - 1;
                    m.onsetS[i] += u * r.onsetSpreadS();
                }
            }
        }
        return new PixelTruth(m, spec.tumourBolus(), spec.normalBolus());
    }

    private static boolean inRim(Ellipse core, double w, int x, int y) {
        return new Ellipse(core.cx(), core.cy(), core.rx() + w, core.ry() + w).containsPixel(x, y);
    }

    /** @return frame width, px */
    public int width() {
        return width;
    }

    /** @return frame height, px */
    public int height() {
        return height;
    }

    /** @return region code of pixel (x, y): {@link #NORMAL}, {@link #TUMOUR}, {@link #CORE} or {@link #RIM} */
    public byte region(int x, int y) {
        return region[y * width + x];
    }

    /** @return bolus area A of pixel (x, y), a.u.·s (plateau level, a.u., for destruction loops) */
    public double area(int x, int y) {
        return area[y * width + x];
    }

    /** @return onset of pixel (x, y), s from the first frame */
    public double onsetS(int x, int y) {
        return onsetS[y * width + x];
    }

    /** @return whether pixel (x, y) enhances at all (A &gt; 0; the weak rim counts as perfused) */
    public boolean perfused(int x, int y) {
        return area[y * width + x] > 0;
    }

    /** @return the bolus shape of pixel (x, y) (tumour shape inside the tumour ellipse, else the normal one) */
    public BolusSpec bolus(int x, int y) {
        return bolus(y * width + x);
    }

    BolusSpec bolus(int i) {
        return region[i] == NORMAL ? normalBolus : tumourBolus;
    }

    double areaAt(int i) {
        return area[i];
    }

    double onsetAt(int i) {
        return onsetS[i];
    }

    byte regionAt(int i) {
        return region[i];
    }

    /** @return first-pass time to peak of pixel (x, y), s from the first frame: onset + e^(μ−σ²) */
    public double firstPassTtpS(int x, int y) {
        return onsetS(x, y) + bolus(x, y).modeFromOnsetS();
    }

    /** @return first-pass peak enhancement of pixel (x, y) above baseline, a.u. (0 in the core) */
    public double firstPassPe(int x, int y) {
        return bolus(x, y).peak(area(x, y));
    }

    /**
     * The true necrotic (non-enhancing) fraction of an ROI: pixels with A = 0 / ROI pixels.
     *
     * @param mask row-major ROI mask, width·height long
     * @return the fraction 0..1
     * @throws IllegalArgumentException when the mask is empty or of the wrong size
     */
    public double necroticFraction(boolean[] mask) {
        if (mask.length != area.length) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, frame has " + area.length);
        }
        int n = 0;
        int dead = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                n++;
                dead += area[i] > 0 ? 0 : 1;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("empty ROI");
        }
        return dead / (double) n;
    }

    /** @return the true necrotic fraction of an ellipse ROI (ImageJ oval rasterisation) */
    public double necroticFraction(Ellipse roi) {
        return necroticFraction(roi.mask(width, height));
    }
}
