package io.tradekit.examples.cli;

import java.io.PrintStream;
import java.util.Objects;

/** Where a command writes: results to {@code out}, progress and errors to {@code err}. */
public record Terminal(PrintStream out, PrintStream err) {
    public Terminal {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    public static Terminal system() {
        return new Terminal(System.out, System.err);
    }
}
