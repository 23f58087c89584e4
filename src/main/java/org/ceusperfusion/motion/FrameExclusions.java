package org.ceusperfusion.motion;

import java.util.BitSet;
import org.ceusperfusion.InputException;

/**
 * Parses user frame exclusions such as {@code 10-20,35}: comma-separated 1-based frame numbers (as ImageJ
 * numbers stack slices) and inclusive ranges {@code a-b}; spaces are ignored.
 */
public final class FrameExclusions {
    private static final String SOURCE = "--exclude-frames";

    private FrameExclusions() {
    }

    /**
     * @param spec e.g. {@code "10-20,35"}; {@code null} or blank means none
     * @return the excluded frames as 1-based numbers
     * @throws InputException for anything else than positive numbers and ranges with {@code a ≤ b}
     */
    public static BitSet parse(String spec) {
        BitSet out = new BitSet();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String part : spec.replace(" ", "").split(",")) {
            if (part.isEmpty()) {
                throw new InputException(SOURCE, "empty item in '" + spec + "' (expected e.g. 10-20,35)");
            }
            int dash = part.indexOf('-', 1);
            int a = number(dash < 0 ? part : part.substring(0, dash), spec);
            int b = dash < 0 ? a : number(part.substring(dash + 1), spec);
            if (b < a) {
                throw new InputException(SOURCE, "range " + part + " ends before it starts");
            }
            out.set(a, b + 1);
        }
        return out;
    }

    /**
     * @param spec       as for {@link #parse}
     * @param frameCount frames in the loop
     * @return per 0-based frame: excluded
     * @throws InputException when a frame number exceeds the loop
     */
    public static boolean[] mask(String spec, int frameCount) {
        BitSet set = parse(spec);
        if (set.length() - 1 > frameCount) {
            throw new InputException(SOURCE, "frame " + (set.length() - 1) + " does not exist: the loop has "
                    + frameCount + " frames");
        }
        boolean[] m = new boolean[frameCount];
        set.stream().forEach(f -> m[f - 1] = true);
        return m;
    }

    private static int number(String s, String spec) {
        try {
            int v = Integer.parseInt(s);
            if (v < 1) {
                throw new InputException(SOURCE, "frames are numbered from 1, got " + v + " in '" + spec + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(SOURCE, "'" + s + "' is not a frame number in '" + spec
                    + "' (expected e.g. 10-20,35)");
        }
    }
}
