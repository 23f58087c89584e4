package org.ceusperfusion.report;

import java.util.Locale;

/** Compact number texts of the report page. */
final class ReportNumbers {
    private ReportNumbers() {
    }

    /** @return {@code v} without decimals when whole, else with up to 3 significant decimals */
    static String day(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return "?";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString(v.longValue());
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** @return a signed length, e.g. {@code +5.0 mm} */
    static String signedMm(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f mm", v) : "?";
    }
}
