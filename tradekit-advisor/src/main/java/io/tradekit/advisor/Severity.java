package io.tradekit.advisor;

/** How urgent a {@link Notification} is, least first. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    /** Whether this is at least {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
