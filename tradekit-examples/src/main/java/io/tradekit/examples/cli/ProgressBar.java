package io.tradekit.examples.cli;

import io.tradekit.core.ProgressListener;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of a run on stderr, shown only once the run has lasted {@value #SHOW_AFTER_MS} ms, so that quick runs
 * print nothing. On a terminal it is a bar redrawn in place at most every {@value #REDRAW_MS} ms and finished with
 * a newline, so the summary on stdout is never mixed into it; elsewhere (a log file, CI) it is a plain line every
 * {@value #LINE_EVERY_MS} ms, a heartbeat that a long run is still going, and one at the end.
 */
final class ProgressBar implements ProgressListener {

    static final long SHOW_AFTER_MS = 1_000;
    private static final long REDRAW_MS = 200;
    static final long LINE_EVERY_MS = 30_000;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String unit;
    private final boolean interactive;
    private final LongSupplier nanos;
    private long startedNanos = -1;
    private long lastDrawNanos;
    private boolean drawn;
    private boolean finished;

    /** A bar of {@code bars} on the terminal's stderr. */
    ProgressBar(Terminal terminal) {
        this(terminal, "bars");
    }

    /** A bar counting {@code unit}s (e.g. {@code backtests}). */
    ProgressBar(Terminal terminal, String unit) {
        this(terminal.err(), unit, terminal.interactive(), System::nanoTime);
    }

    ProgressBar(PrintStream err, String unit, boolean interactive, LongSupplier nanos) {
        this.err = err;
        this.unit = unit;
        this.interactive = interactive;
        this.nanos = nanos;
    }

    @Override
    public void progress(long done, long total) {
        if (finished || total <= 0) return;
        long now = nanos.getAsLong();
        if (startedNanos < 0) startedNanos = now;
        boolean complete = done >= total;
        if (complete) finished = true;
        if (now - startedNanos < TimeUnit.MILLISECONDS.toNanos(SHOW_AFTER_MS)) return;
        long every = TimeUnit.MILLISECONDS.toNanos(interactive ? REDRAW_MS : LINE_EVERY_MS);
        // The first line comes as soon as the run has lasted long enough; the last one closes a bar that was drawn.
        if (drawn && !complete && now - lastDrawNanos < every) return;
        if (complete && !interactive && !drawn) return;
        lastDrawNanos = now;
        drawn = true;
        String figures = String.format("%3d%%  %,d/%,d %s", 100 * done / total, done, total, unit);
        if (interactive) {
            int filled = (int) (WIDTH * done / total);
            err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + figures);
            if (complete) err.println();
        } else {
            err.println("progress " + figures.trim());
        }
        err.flush();
    }
}
