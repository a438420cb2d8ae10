package io.tradekit.strategies.confluence;

/**
 * The outcome of one of a {@link Confluence}'s checks on a decision: staleness, the higher-timeframe trend, the
 * order book. A check that could not be made (no order book in a backtest) is SKIPPED and says so.
 *
 * @param gate   which check: {@code stale}, {@code trend} or {@code book}
 * @param status passed, blocked or skipped
 * @param detail the figures behind it, in words
 */
public record GateCheck(String gate, Status status, String detail) {

    /** What a check did to the decision. */
    public enum Status {
        /** The check allowed the side. */
        PASSED,
        /** The check held the side back: the decision is HOLD. */
        BLOCKED,
        /** The check could not be made (e.g. no order book); it did not hold the side back. */
        SKIPPED
    }

    /**
     * A check the decision passed.
     *
     * @param gate   the check's name
     * @param detail the figures behind it, in words
     * @return the check
     */
    public static GateCheck passed(String gate, String detail) {
        return new GateCheck(gate, Status.PASSED, detail);
    }

    /**
     * A check that held the decision's side back.
     *
     * @param gate   the check's name
     * @param detail the figures behind it, in words
     * @return the check
     */
    public static GateCheck blocked(String gate, String detail) {
        return new GateCheck(gate, Status.BLOCKED, detail);
    }

    /**
     * A check that could not be made, and why.
     *
     * @param gate   the check's name
     * @param detail why it could not be made
     * @return the check
     */
    public static GateCheck skipped(String gate, String detail) {
        return new GateCheck(gate, Status.SKIPPED, detail);
    }

    /**
     * Whether the check held the decision's side back.
     *
     * @return true when the status is {@link Status#BLOCKED}
     */
    public boolean blocks() {
        return status == Status.BLOCKED;
    }

    /**
     * The check in words, e.g. {@code trend blocked: 1h SMA3 ... < SMA6 ...}.
     *
     * @return gate, status and detail in one line
     */
    public String describe() {
        return gate + " " + status.name().toLowerCase() + ": " + detail;
    }
}
