package io.tradekit.examples.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** A clock the test moves: each progress call below is 10 ms after the previous one. */
    private final AtomicLong nanos = new AtomicLong();

    private ProgressBar bar(boolean interactive) {
        return new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), "bars", interactive, nanos::get);
    }

    private void run(ProgressBar bar, long total, long step) {
        for (long done = step; done < total; done += step) {
            bar.progress(done, total);
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
        }
        bar.progress(total, total);
        bar.progress(total, total);
    }

    @Test
    void onATerminalALongRunDrawsABarThatEndsFullWithOneNewline() {
        run(bar(true), 1_000_000, 5_000); // 200 calls, 2 s
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r[").endsWith("100%  1,000,000/1,000,000 bars" + System.lineSeparator());
        assertThat(text.split(System.lineSeparator(), -1)).as("one final newline, once").hasSize(2);
        // nothing in the first second: the first drawing is at 1 s = call 101, 505,000 bars
        assertThat(text).doesNotContain(" 500,000/").contains("505,000/1,000,000");
    }

    @Test
    void aRunShorterThanASecondDrawsNothingHoweverManyBars() {
        run(bar(true), 5_000_000, 100_000); // 50 calls, 0.5 s
        assertThat(err.size()).isZero();
    }

    @Test
    void offATerminalALongRunPrintsAPlainLineEveryThirtySeconds() {
        run(bar(false), 10_000, 1); // 10,000 calls, 100 s: lines at 1 s, 31 s, 61 s, 91 s and the end
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").doesNotContain("[#");
        assertThat(text.lines().toList()).containsExactly(
                "progress 1%  101/10,000 bars", "progress 31%  3,101/10,000 bars",
                "progress 61%  6,101/10,000 bars", "progress 91%  9,101/10,000 bars", "progress 100%  10,000/10,000 bars");
    }
}
