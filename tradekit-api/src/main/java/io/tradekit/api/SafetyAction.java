package io.tradekit.api;

/** What a safety check asks of the bot, in increasing severity; the most severe request wins. */
public enum SafetyAction {
    /** Nothing to do. */
    CONTINUE,
    /** Only reducing orders from now on. */
    REDUCE_ONLY,
    /** No new orders until resumed (a rule's own pause lifts when the rule clears). */
    PAUSE,
    /** Cancel the orders and close the position, then pause. */
    FLATTEN,
    /** Cancel, flatten and stay stopped until an operator resumes. */
    EMERGENCY_STOP;

    /**
     * Whether this action asks more of the bot than {@code other}.
     *
     * @param other the action to compare with
     * @return true when this one comes later in the order of severity
     */
    public boolean isMoreSevereThan(SafetyAction other) {
        return ordinal() > other.ordinal();
    }

    /**
     * The more severe of two actions.
     *
     * @param a one action
     * @param b the other
     * @return {@code a} if it is more severe than {@code b}, else {@code b}
     */
    public static SafetyAction mostSevere(SafetyAction a, SafetyAction b) {
        return a.isMoreSevereThan(b) ? a : b;
    }
}
