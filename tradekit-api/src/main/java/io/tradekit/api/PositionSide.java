package io.tradekit.api;

/**
 * Which way a position points. Positions are one-way: one signed quantity per symbol, long or short.
 * Hedge mode (a long and a short in the same symbol at once) is not modelled yet.
 */
public enum PositionSide {
    LONG, SHORT, FLAT;

    /** The side of a signed quantity. */
    public static PositionSide of(java.math.BigDecimal signedQuantity) {
        return switch (signedQuantity.signum()) {
            case 1 -> LONG;
            case -1 -> SHORT;
            default -> FLAT;
        };
    }
}
