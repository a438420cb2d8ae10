package io.tradekit.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One run of the command line with every command, working in {@code dir} with {@code environment}, its output captured. */
record ModeCliRun(int exitCode, String out, String err) {

    static ModeCliRun in(Path dir, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        List<Command> commands = List.of(new BacktestCommand(dir), new ReplayCommand(dir), new PaperCommand(dir, environment),
                new DryRunCommand(dir, environment), new LiveCommand(dir, environment), new SimulateCommand(dir));
        int code = new TradeKitCli(terminal, commands).run(args);
        return new ModeCliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static ModeCliRun in(Path dir, String... args) {
        return in(dir, Map.of(), args);
    }
}
