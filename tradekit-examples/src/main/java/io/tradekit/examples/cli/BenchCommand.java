package io.tradekit.examples.cli;

import io.tradekit.examples.bench.EngineBenchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code tradekit bench [jmh args]}: the JMH benchmarks of this jar, through JMH's own command line. With no
 * arguments it runs {@link EngineBenchmark} once, briefly; any argument is passed to JMH unchanged (try
 * {@code -h} for JMH's options, {@code -l} for the list of benchmarks).
 */
public final class BenchCommand implements Command {

    /** One fork, five warmup and five measured iterations of three seconds: about a minute per benchmark. */
    static final List<String> DEFAULT_ARGS = List.of(EngineBenchmark.class.getSimpleName(), "-f", "1", "-wi", "5", "-w", "3s",
            "-i", "5", "-r", "3s");

    /** The command holds no state until it runs. */
    public BenchCommand() {
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "run the JMH benchmarks (bars per second of the engine against ta4j)";
    }

    @Override
    public String help() {
        return """
                usage: tradekit bench [jmh arguments]

                Runs the JMH benchmarks packaged in this jar. With no arguments:
                  %s
                Any arguments go to JMH unchanged, e.g. 'bench EngineBenchmark -f 2 -i 10' or 'bench -l'
                to list the benchmarks, 'bench -h' for JMH's own options.
                """.formatted(String.join(" ", DEFAULT_ARGS));
    }

    @Override
    public int run(List<String> args, Terminal terminal) {
        if (args.size() == 1 && args.getFirst().equals("--help")) {
            terminal.out().print(help());
            return 0;
        }
        List<String> jmhArgs = args.isEmpty() ? DEFAULT_ARGS : args;
        try {
            // JMH exits the JVM itself on a failed run; a successful one returns here.
            org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("JMH could not run: " + e.getMessage(), e);
        }
    }
}
