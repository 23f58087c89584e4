package org.ceusperfusion.synth;

/**
 * A rigid in-plane motion of a whole rendered phantom: the content at world point (x, y) is shown at display
 * point (x + dx(t), y + dy(t)). Sine: {@code dx(t) = ampXPx · sin(2π (t − zeroS) / periodXS)}, the same for y;
 * breathing-like: {@code dx(t) = ampXPx · sin⁴(π (t − zeroS) / periodXS)} (at rest for most of the cycle, a
 * short excursion to the amplitude). Shifts are sub-pixel: {@link RealisticLoopGenerator#generate(RealisticSpec,
 * RigidMotion)} resamples the linear power bilinearly and replicates the frame edge where content comes in
 * from outside the frame.
 *
 * @param ampXPx    amplitude along x, pixels (≥ 0)
 * @param ampYPx    amplitude along y, pixels (≥ 0)
 * @param periodXS  period along x, s (&gt; 0)
 * @param periodYS  period along y, s (&gt; 0)
 * @param zeroS     a time at which both shifts are 0, s (the frame to draw ROIs on)
 * @param breathing {@code false}: sines; {@code true}: both axes follow {@code a · sin⁴(π (t − zeroS) / period)}
 *                  (rest at 0 for most of the cycle, a short excursion to {@code a}: breathing-like)
 * @param wholePixels shifts rounded to whole pixels: every frame is then an exact copy of the unmoved frame,
 *                  moved (bilinear resampling of the phantom's 1-px speckle cells averages neighbours and lowers
 *                  the per-pixel speckle variance, a rendering artefact that changes per-pixel measures such as
 *                  the non-enhancing fraction)
 */
public record RigidMotion(double ampXPx, double ampYPx, double periodXS, double periodYS, double zeroS,
                          boolean breathing, boolean wholePixels) {

    public RigidMotion {
        if (!(ampXPx >= 0) || !(ampYPx >= 0) || !(periodXS > 0) || !(periodYS > 0) || !Double.isFinite(zeroS)) {
            throw new IllegalArgumentException("bad motion: amplitudes " + ampXPx + ", " + ampYPx + " px, periods "
                    + periodXS + ", " + periodYS + " s, zero at " + zeroS + " s");
        }
    }

    /**
     * Sine motion along both axes, zero at t = {@code zeroS}.
     *
     * @param ampXPx   amplitude along x, pixels
     * @param ampYPx   amplitude along y, pixels
     * @param periodXS period along x, s
     * @param periodYS period along y, s
     * @param zeroS    time of zero shift, s
     * @return the motion
     */
    public static RigidMotion sine(double ampXPx, double ampYPx, double periodXS, double periodYS, double zeroS) {
        return new RigidMotion(ampXPx, ampYPx, periodXS, periodYS, zeroS, false, false);
    }

    /** @return a copy whose shifts are rounded to whole pixels */
    public RigidMotion withWholePixels() {
        return new RigidMotion(ampXPx, ampYPx, periodXS, periodYS, zeroS, breathing, true);
    }

    /** @return shift along x at time {@code tS}, pixels */
    public double dxPx(double tS) {
        return shape(ampXPx, periodXS, tS);
    }

    /** @return shift along y at time {@code tS}, pixels */
    public double dyPx(double tS) {
        return shape(ampYPx, periodYS, tS);
    }

    /** @return whether the motion is zero everywhere */
    public boolean isStill() {
        return ampXPx == 0 && ampYPx == 0;
    }

    private double shape(double amp, double period, double tS) {
        if (amp == 0) {
            return 0;
        }
        double v = smooth(amp, period, tS);
        return wholePixels ? Math.rint(v) : v;
    }

    private double smooth(double amp, double period, double tS) {
        if (breathing) {
            double s = StrictMath.sin(Math.PI * (tS - zeroS) / period);
            return amp * s * s * s * s;
        }
        return amp * StrictMath.sin(2 * Math.PI * (tS - zeroS) / period);
    }
}
