package io.tradekit.risk.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Writes numbers into denial reasons the way a person reads them: plain, without trailing zeros. */
public final class Figures {

    private Figures() {
    }

    public static String plain(BigDecimal v) {
        BigDecimal rounded = v.abs().compareTo(BigDecimal.ONE) >= 0
                ? v.setScale(Math.max(0, Math.min(v.scale(), 8)), RoundingMode.HALF_EVEN)
                : v.round(new MathContext(6, RoundingMode.HALF_EVEN));
        String s = rounded.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** A fraction written as a percentage, e.g. 0.0512 as "5.12 %". */
    public static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + " %";
    }

    public static String percent(double fraction) {
        return percent(BigDecimal.valueOf(fraction));
    }
}
