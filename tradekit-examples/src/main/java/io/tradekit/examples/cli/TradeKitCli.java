package io.tradekit.examples.cli;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.UntrustedText;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tradekit} command line: {@code java -jar tradekit.jar <command> [flags]}. Exit codes: 0 done,
 * 1 the run failed, 2 the command line or its input was wrong (unknown command or flag, malformed data,
 * unknown strategy): the message says what and where, without a stack trace.
 */
public final class TradeKitCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private final Terminal terminal;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public TradeKitCli(Terminal terminal, List<Command> commands) {
        this.terminal = terminal;
        for (Command c : commands) this.commands.put(c.name(), c);
    }

    public TradeKitCli(Terminal terminal) {
        this(terminal, List.of(new BacktestCommand(), new OptimizeCommand(), new ReplayCommand(), new PaperCommand(), new DryRunCommand(), new LiveCommand(),
                new SimulateCommand(), new BenchCommand(), new ServeCommand(), new ApprovalsCommand()));
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new TradeKitCli(Terminal.system()).run(args);
        } catch (RuntimeException | Error e) {
            // A failure nobody foresaw is a bug: its trace helps, but the process must still end, whatever threads
            // the command had started before it failed.
            e.printStackTrace();
            code = FAILED;
        }
        if (code != OK) System.exit(code);
    }

    public int run(String... args) {
        if (args.length == 0) {
            terminal.err().print(usage());
            return BAD_INPUT;
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            terminal.out().print(usage());
            return OK;
        }
        Command command = commands.get(name);
        if (command == null) {
            terminal.err().println("tradekit: unknown command " + UntrustedText.quote(name) + "; commands: " + String.join(", ", commands.keySet()));
            return BAD_INPUT;
        }
        try {
            return command.run(Arrays.asList(args).subList(1, args.length), terminal);
        } catch (UsageException e) {
            terminal.err().println("tradekit " + name + ": " + UntrustedText.message(e.getMessage()));
            terminal.err().println("run 'tradekit " + name + " --help' for the flags");
            return BAD_INPUT;
        } catch (InvalidInputException e) {
            terminal.err().println("tradekit " + name + ": " + UntrustedText.message(e.getMessage()));
            return BAD_INPUT;
        } catch (TradeKitException | UncheckedIOException e) {
            terminal.err().println("tradekit " + name + " failed: " + UntrustedText.message(e.getMessage()));
            return FAILED;
        }
    }

    private String usage() {
        StringBuilder out = new StringBuilder("usage: tradekit <command> [flags]\n\ncommands:\n");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Command c : commands.values()) {
            out.append("  ").append(c.name()).append(" ".repeat(width - c.name().length() + 3)).append(c.summary()).append('\n');
        }
        out.append("\nrun 'tradekit <command> --help' for a command's flags\n");
        return out.toString();
    }
}
