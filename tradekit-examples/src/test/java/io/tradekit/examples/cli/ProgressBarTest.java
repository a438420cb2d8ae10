package io.tradekit.examples.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @Test
    void aLongRunDrawsABarThatEndsFullWithANewline() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8));
        long total = 1_000_000;
        for (long done = 1; done <= total; done += 5_000) bar.progress(done, total);
        bar.progress(total, total);
        bar.progress(total, total);

        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r[").endsWith("100%  1,000,000/1,000,000 bars" + System.lineSeparator());
        assertThat(text.split(System.lineSeparator(), -1)).as("one final newline, once").hasSize(2);
    }

    @Test
    void aShortRunDrawsNothing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8));
        for (long done = 1; done <= 580; done++) bar.progress(done, 580);

        assertThat(err.size()).isZero();
    }
}
