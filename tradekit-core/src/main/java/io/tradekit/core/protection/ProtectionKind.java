package io.tradekit.core.protection;

/** Which protection closed a position; {@link #label()} is the name events and order tags use. */
public enum ProtectionKind {
    STOP_LOSS("stop-loss"),
    TAKE_PROFIT("take-profit"),
    TRAILING_STOP("trailing-stop"),
    /** The stop after it was moved to the entry price. */
    BREAKEVEN_STOP("breakeven-stop");

    private final String label;

    ProtectionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
