package io.tradekit.core.report.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a report shows decimals to a person. */
public final class Decimals {

    private Decimals() {
    }

    /** At most {@code scale} decimals, without trailing zeros, never in exponent form. */
    public static String trimmed(BigDecimal d, int scale) {
        BigDecimal r = d.scale() > scale ? d.setScale(scale, RoundingMode.HALF_EVEN) : d;
        r = r.stripTrailingZeros();
        return (r.scale() < 0 ? r.setScale(0) : r).toPlainString();
    }

    /** The exact value without trailing zeros, never in exponent form. */
    public static BigDecimal exact(BigDecimal d) {
        BigDecimal r = d.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
