package org.ceusperfusion.ij;

import ij.Macro;
import java.util.Locale;
import org.ceusperfusion.InputException;

/**
 * The options string of a command run from a macro ({@code run("Analyze TIC...", "dynamic_range=40 linear")}),
 * parsed without any dialog so that commands work in batch mode and in a JVM without a display.
 *
 * <p>Keys are the first word of each dialog label, lower-cased, words joined with {@code _}; values with
 * spaces are in brackets ({@code save_to=[/my folder]}); a checkbox is on when its key is present.
 */
final class MacroOptions {
    private final String options;

    /** @param options the macro options, e.g. {@code "open=[/a b.dcm] linear"} */
    MacroOptions(String options) {
        this.options = options == null ? "" : options;
    }

    /** @return the options of the command running in this thread, or {@code null} when run interactively */
    static MacroOptions current() {
        String o = Macro.getOptions();
        return o == null ? null : new MacroOptions(o);
    }

    /** @return the value of {@code key}, or {@code def} when absent */
    String string(String key, String def) {
        String v = Macro.getValue(options, key, null);
        return v == null ? def : v.trim();
    }

    /**
     * @return the numeric value of {@code key}, or {@code def} when absent
     * @throws InputException when the value is not a number
     */
    double number(String key, double def) {
        String v = string(key, null);
        if (v == null || v.isEmpty()) {
            return def;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InputException(key + "=", "expected a number, got '" + v + "'");
        }
    }

    /** @return whether the checkbox {@code key} is on: the word appears outside any bracketed value */
    boolean flag(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        int depth = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= options.length(); i++) {
            char c = i < options.length() ? options.charAt(i) : ' ';
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && Character.isWhitespace(c)) {
                if (word.toString().toLowerCase(Locale.ROOT).equals(k)) {
                    return true;
                }
                word.setLength(0);
            } else if (depth == 0) {
                word.append(c);
            }
        }
        return false;
    }
}
