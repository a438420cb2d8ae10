package io.tradekit.examples.cli;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a command writes: results to {@code out}, progress and errors to {@code err}. {@code interactive} says
 * whether a person watches it on a terminal: progress bars redraw in place only then; otherwise (a file, a pipe,
 * CI) long runs print a plain progress line now and then instead.
 *
 * @param out the command's own output: results, reports' paths
 * @param err progress, heartbeats, warnings and errors
 * @param interactive whether a person watches on a terminal
 */
public record Terminal(PrintStream out, PrintStream err, boolean interactive) {
    /**
     * Checks that both streams are present.
     *
     * @throws NullPointerException when {@code out} or {@code err} is null
     */
    public Terminal {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /**
     * A terminal nobody watches interactively: captured output, as in tests.
     *
     * @param out the command's own output
     * @param err progress and errors
     */
    public Terminal(PrintStream out, PrintStream err) {
        this(out, err, false);
    }

    /**
     * The process's standard output and error, interactive when both standard input and output are a terminal.
     *
     * @return the terminal
     */
    public static Terminal system() {
        return new Terminal(System.out, System.err, onATerminal());
    }

    /**
     * Whether standard input and output are a terminal. Java 22+ answers exactly ({@code Console.isTerminal()});
     * on Java 21 a console exists only when both are.
     */
    private static boolean onATerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }
}
