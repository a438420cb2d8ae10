package io.tradekit.examples.cli;

import io.tradekit.core.ProgressListener;

import java.io.PrintStream;

/**
 * A progress bar on stderr for runs long enough to wait for ({@value #MIN_BARS} bars or more, or any other
 * count of some other unit), redrawn in place at most every {@value #REDRAW_MS} ms and finished with a
 * newline, so that the summary on stdout is never mixed into it.
 */
final class ProgressBar implements ProgressListener {

    static final long MIN_BARS = 50_000;
    private static final long REDRAW_MS = 200;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String unit;
    private final long minTotal;
    private long lastDraw;
    private boolean finished;

    ProgressBar(PrintStream err) {
        this(err, "bars", MIN_BARS);
    }

    /** A bar counting {@code unit}s (e.g. {@code backtests}), drawn for a total of {@code minTotal} or more. */
    ProgressBar(PrintStream err, String unit, long minTotal) {
        this.err = err;
        this.unit = unit;
        this.minTotal = minTotal;
    }

    @Override
    public void progress(long done, long total) {
        if (total < minTotal || finished) return;
        long now = System.currentTimeMillis();
        boolean complete = done >= total;
        if (!complete && now - lastDraw < REDRAW_MS) return;
        lastDraw = now;
        int filled = (int) (WIDTH * done / total);
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d%%  %,d/%,d %s",
                100 * done / total, done, total, unit));
        if (complete) {
            err.println();
            finished = true;
        }
        err.flush();
    }
}
