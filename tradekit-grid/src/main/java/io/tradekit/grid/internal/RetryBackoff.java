package io.tradekit.grid.internal;

/**
 * When a refused order may be tried again: after 1, 2, 4 ... bars, at most {@link #MAX_DELAY_BARS}
 * apart, until it is placed. A level is never given up: a refusal that lasts (funds locked while a
 * cancel travels, a price still on the wrong side for post-only) is tried again less and less often.
 */
public final class RetryBackoff {

    public static final int MAX_DELAY_BARS = 64;

    private int attempts;
    private long nextBar;

    /** Refused at {@code bar}: wait twice as long as last time. */
    public void refused(long bar) {
        attempts++;
        nextBar = bar + Math.min(MAX_DELAY_BARS, 1L << Math.min(attempts - 1, 20));
    }

    public boolean due(long bar) {
        return bar >= nextBar;
    }

    /** Placed or the level moved: start again from nothing. */
    public void reset() {
        attempts = 0;
        nextBar = 0;
    }

    /** Refusals since the last placement. */
    public int attempts() {
        return attempts;
    }

    public long nextBar() {
        return nextBar;
    }

    public void restore(int attempts, long nextBar) {
        this.attempts = attempts;
        this.nextBar = nextBar;
    }
}
