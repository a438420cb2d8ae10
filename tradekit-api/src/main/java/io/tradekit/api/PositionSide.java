package io.tradekit.api;

/**
 * Which way a position points. Positions are one-way: one signed quantity per symbol, long or short.
 * Hedge mode (a long and a short in the same symbol at once) is not modelled yet.
 */
public enum PositionSide {
    /** A positive quantity: the position gains when the price rises. */
    LONG,
    /** A negative quantity: the position gains when the price falls. */
    SHORT,
    /** No position. */
    FLAT;

    /**
     * The side of a signed quantity.
     *
     * @param signedQuantity a position's quantity, negative when short
     * @return LONG, SHORT or FLAT by its sign
     */
    public static PositionSide of(java.math.BigDecimal signedQuantity) {
        return switch (signedQuantity.signum()) {
            case 1 -> LONG;
            case -1 -> SHORT;
            default -> FLAT;
        };
    }
}
