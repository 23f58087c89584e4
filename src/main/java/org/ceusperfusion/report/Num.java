package org.ceusperfusion.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Locale-independent number formatting for CSV cells and report text. */
final class Num {
    private static final MathContext NINE = new MathContext(9);

    private Num() {
    }

    /** @return {@code v} with 9 significant digits, no trailing zeros, plain notation; empty for NaN/∞ */
    static String csv(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(NINE).stripTrailingZeros();
        int exp = d.precision() - d.scale() - 1;
        return exp < -6 || exp > 12 ? d.toString() : d.toPlainString();
    }

    /** @return {@code v} as CSV text, empty for {@code null} */
    static String csv(Double v) {
        return v == null ? "" : csv(v.doubleValue());
    }

    /** @return {@code v} with about 3-4 significant digits for display; "–" when not finite */
    static String show(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        double a = Math.abs(v);
        String f = a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : a >= 0.01 || a == 0 ? "%.3f" : "%.3g";
        return String.format(Locale.ROOT, f, v);
    }

    /** @return {@code v} with about 3 significant digits for a CI bound; "-" when not finite */
    static String brief(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 0.1 || a == 0 ? "%.2f" : "%.2g";
        return String.format(Locale.ROOT, f, v);
    }

    /** @return a signed percentage with one decimal, e.g. {@code +15.6 %}; "-" when not finite */
    static String pct(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.1f %%", v);
    }
}
