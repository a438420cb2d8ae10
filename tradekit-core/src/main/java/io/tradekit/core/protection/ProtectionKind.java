package io.tradekit.core.protection;

/** Which protection closed a position; {@link #label()} is the name events and order tags use. */
public enum ProtectionKind {
    /** The fixed stop-loss. */
    STOP_LOSS("stop-loss"),
    /** The take-profit at a risk/reward multiple of the stop distance. */
    TAKE_PROFIT("take-profit"),
    /** The trailing stop. */
    TRAILING_STOP("trailing-stop"),
    /** The stop after it was moved to the entry price. */
    BREAKEVEN_STOP("breakeven-stop");

    private final String label;

    ProtectionKind(String label) {
        this.label = label;
    }

    /**
     * The name events, order tags and reports use.
     *
     * @return e.g. {@code stop-loss}
     */
    public String label() {
        return label;
    }
}
