package io.tradekit.core;

/**
 * Why a position (or part of it) was closed: what sent the order whose fill ended the round trip.
 */
public enum ExitReason {
    /** The strategy's own signal or order. */
    SIGNAL,
    /** A stop-loss protection was triggered. */
    STOP_LOSS,
    /** A take-profit protection was triggered. */
    TAKE_PROFIT,
    /** A trailing stop was triggered. */
    TRAILING_STOP,
    /** A flatten: by a risk or safety action, an operator, or the end of a run. */
    FLATTEN,
    /** The venue liquidated a derivatives position whose margin fell to its maintenance margin. */
    LIQUIDATION;

    /**
     * The reason an order with {@code tag} closes a position: the protections tag their exits with their
     * kind ({@code stop-loss}, {@code breakeven-stop}, {@code take-profit}, {@code trailing-stop}), a flatten
     * with {@code flatten}, a venue's liquidation order with {@code liquidation}; anything else is the strategy's own.
     *
     * @param tag the order's tag, may be null
     * @return the exit reason; {@link #SIGNAL} for a null or unknown tag
     */
    public static ExitReason ofOrderTag(String tag) {
        if (tag == null) return SIGNAL;
        return switch (tag) {
            case "stop-loss", "breakeven-stop" -> STOP_LOSS;
            case "take-profit" -> TAKE_PROFIT;
            case "trailing-stop" -> TRAILING_STOP;
            case "flatten" -> FLATTEN;
            case "liquidation" -> LIQUIDATION;
            default -> SIGNAL;
        };
    }
}
