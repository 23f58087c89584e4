package org.ceusperfusion.motion;

import org.ceusperfusion.InputException;

/** Parses comma-separated integer lists of options such as {@code --bmode-offset -100,0}. */
final class Ints {
    private Ints() {
    }

    static int[] parse(String spec, int count, String source, String form) {
        if (spec == null) {
            throw new InputException(source, "a value " + form + " is needed");
        }
        String[] parts = spec.trim().split("\\s*,\\s*");
        if (parts.length != count) {
            throw new InputException(source, "expected " + form + " (" + count + " integers), got '" + spec + "'");
        }
        int[] v = new int[count];
        for (int i = 0; i < count; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InputException(source, "'" + parts[i] + "' is not an integer in '" + spec
                        + "' (expected " + form + ")");
            }
        }
        return v;
    }
}
