package io.tradekit.advisor;

/** How urgent a {@link Notification} is, least first. */
public enum Severity {
    /** For the record: nothing needs doing. */
    INFO,
    /** Something may need an operator soon. */
    WARNING,
    /** An operator should act now. */
    CRITICAL;

    /**
     * Whether this is at least {@code other}.
     *
     * @param other the severity to compare with
     * @return true if this is as urgent as {@code other} or more
     */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
