package io.tradekit.grid.internal;

/**
 * When an order refused for a fault may be tried again: after 1, 2, 4 ... bars, at most
 * {@link #MAX_DELAY_BARS} apart, until it is placed. A level is never given up: a refusal that lasts
 * (funds locked while a cancel travels, a risk policy's block) is tried again less and less often. A
 * post-only order refused for its price is no fault and does not come here: it waits for a price.
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
