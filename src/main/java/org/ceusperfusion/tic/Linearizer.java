package org.ceusperfusion.tic;

import org.ceusperfusion.cine.LoopMetadata;

/**
 * Maps grey levels to linear echo power.
 *
 * <p>A scanner log-compresses echo power P over a dynamic range DR (dB) into grey levels
 * {@code G ∈ [0, maxGrey]}: {@code G = maxGrey/DR · 10·log10(P)}. The inverse used here is
 * <pre>  P = 10^(G · DR / (10 · maxGrey))</pre>
 * (perfusion-reference §2, with {@code P_ref = 1}), so {@code G = 0 → P = 1} and
 * {@code G = maxGrey → P = 10^(DR/10)}. Doubling P adds {@code maxGrey · 10·log10(2) / DR} grey levels
 * (≈ 255 · 3.0103 / DR for 8-bit data).
 *
 * <p>For integer grey scales up to 65535 levels a lookup table of {@code maxGrey + 1} entries serves
 * integer grey values (identical to the formula); other values (e.g. colour luminance) use the formula.
 * {@link #identity()} leaves values unchanged, for data that are already linear ({@code --linear}).
 * Instances are immutable and thread-safe.
 */
public final class Linearizer {
    private static final int MAX_LUT_LEVELS = 65535;
    private final double dynamicRangeDb;
    private final double maxGrey;
    private final double scale;
    private final double[] lut;

    private Linearizer(double dynamicRangeDb, double maxGrey) {
        this.dynamicRangeDb = dynamicRangeDb;
        this.maxGrey = maxGrey;
        this.scale = Double.isNaN(dynamicRangeDb) ? Double.NaN : dynamicRangeDb / (10.0 * maxGrey);
        this.lut = buildLut();
    }

    /**
     * @param dynamicRangeDb the scanner's dynamic range DR in dB (&gt; 0)
     * @param maxGrey        the top of the grey scale (255 for 8-bit data; &gt; 0)
     * @return the log-compression inverse {@code P = 10^(G·DR/(10·maxGrey))}
     * @throws IllegalArgumentException when a value is not positive and finite
     */
    public static Linearizer logCompressed(double dynamicRangeDb, double maxGrey) {
        if (!(dynamicRangeDb > 0) || Double.isInfinite(dynamicRangeDb)) {
            throw new IllegalArgumentException("dynamic range must be a positive number of dB: " + dynamicRangeDb);
        }
        if (!(maxGrey > 0) || Double.isInfinite(maxGrey)) {
            throw new IllegalArgumentException("maximum grey value must be positive: " + maxGrey);
        }
        return new Linearizer(dynamicRangeDb, maxGrey);
    }

    /**
     * @param dynamicRangeDb the scanner's dynamic range DR in dB
     * @param metadata       the loop's metadata, whose {@link LoopMetadata#maxGrey()} sets the grey scale
     * @return as {@link #logCompressed(double, double)}
     */
    public static Linearizer logCompressed(double dynamicRangeDb, LoopMetadata metadata) {
        return logCompressed(dynamicRangeDb, metadata.maxGrey());
    }

    /** @return the identity: grey values are already linear intensities ({@code --linear}) */
    public static Linearizer identity() {
        return new Linearizer(Double.NaN, Double.NaN);
    }

    /** @return whether this is {@link #identity()} */
    public boolean isIdentity() {
        return Double.isNaN(dynamicRangeDb);
    }

    /** @return the dynamic range in dB, or {@code NaN} for {@link #identity()} */
    public double dynamicRangeDb() {
        return dynamicRangeDb;
    }

    /** @return the top of the grey scale, or {@code NaN} for {@link #identity()} */
    public double maxGrey() {
        return maxGrey;
    }

    /**
     * @param grey a grey level (any real value; integers in {@code 0..maxGrey} come from the table)
     * @return linear echo power, a.u. ({@code grey} itself for the identity)
     */
    public double power(double grey) {
        if (lut != null) {
            int g = (int) grey;
            if (g == grey && g >= 0 && g < lut.length) {
                return lut[g];
            }
        }
        return isIdentity() ? grey : Math.pow(10.0, grey * scale);
    }

    /**
     * Inverse of {@link #power(double)}.
     *
     * @param power linear echo power (&gt; 0 for log compression)
     * @return the grey level, unrounded and unclipped ({@code power} itself for the identity)
     */
    public double grey(double power) {
        return isIdentity() ? power : Math.log10(power) / scale;
    }

    /** @return grey levels added by doubling the linear power ({@code maxGrey·10·log10 2 / DR}) */
    public double greyPerDoubling() {
        return isIdentity() ? Double.NaN : Math.log10(2.0) / scale;
    }

    private double[] buildLut() {
        if (isIdentity() || maxGrey != Math.rint(maxGrey) || maxGrey > MAX_LUT_LEVELS) {
            return null;
        }
        double[] t = new double[(int) maxGrey + 1];
        for (int g = 0; g < t.length; g++) {
            t[g] = Math.pow(10.0, g * scale);
        }
        return t;
    }

    @Override
    public String toString() {
        return isIdentity() ? "Linearizer[identity]"
                : "Linearizer[DR=" + dynamicRangeDb + " dB, maxGrey=" + maxGrey + "]";
    }
}
