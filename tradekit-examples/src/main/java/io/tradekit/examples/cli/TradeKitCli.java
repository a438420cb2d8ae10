package io.tradekit.examples.cli;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.UntrustedText;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tradekit} command line: {@code java -jar tradekit.jar <command> [flags]}. Exit codes:
 * <ul>
 *   <li>{@value #OK}: done;</li>
 *   <li>{@value #FAILED}: the run failed (a venue or journal error, a run that ended on a strategy failure);</li>
 *   <li>{@value #BAD_INPUT}: the command line or its input was wrong (unknown command or flag, malformed data, unknown
 *       strategy, a bad configuration): the message says what and where, without a stack trace;</li>
 *   <li>{@value #INTERRUPTED}: stopped with Ctrl-C (SIGINT; the JVM's own 128 + 2), after the running command stopped its
 *       bot and wrote its report.</li>
 * </ul>
 * Commands and flags are parsed with picocli; a mistyped command or flag is answered with the nearest known ones.
 */
public final class TradeKitCli {

    /** Exit code of a command that did what it was asked. */
    public static final int OK = 0;
    /** Exit code of a run that failed: a venue or journal error, or a run that ended on a strategy failure. */
    public static final int FAILED = 1;
    /** Exit code of a command line or input that was wrong; the message says what and where. */
    public static final int BAD_INPUT = 2;
    /** What the JVM exits with on SIGINT (128 + signal 2); listed here so the exit codes are documented in one place. */
    public static final int INTERRUPTED = 130;

    private final Terminal terminal;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    /**
     * A command line with the given commands, e.g. a test's own selection.
     *
     * @param terminal where every command writes
     * @param commands the commands, listed in the usage in this order; a later command of the same name replaces an earlier one
     */
    public TradeKitCli(Terminal terminal, List<Command> commands) {
        this.terminal = terminal;
        for (Command c : commands) this.commands.put(c.name(), c);
    }

    /**
     * A command line with every bundled command: backtest, optimize, replay, paper, dry-run, live, simulate, bench,
     * serve and approvals.
     *
     * @param terminal where every command writes
     */
    public TradeKitCli(Terminal terminal) {
        this(terminal, List.of(new BacktestCommand(), new OptimizeCommand(), new ReplayCommand(), new PaperCommand(), new DryRunCommand(), new LiveCommand(),
                new SimulateCommand(), new BenchCommand(), new ServeCommand(), new ApprovalsCommand()));
    }

    /**
     * Runs one command. On any exit code but {@link #OK} it exits the JVM with that code; on {@link #OK} it returns
     * and the JVM ends as usual. An unforeseen exception prints its stack trace and exits {@link #FAILED}.
     *
     * @param args the command's name and its flags
     */
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

    /**
     * Runs the command named by {@code args[0]} with the rest: prints the usage on no arguments or {@code --help},
     * the version on {@code --version}, and turns usage errors, bad input and failures into messages on
     * {@link Terminal#err()} and an exit code.
     *
     * @param args the command's name and its flags
     * @return {@link #OK}, {@link #FAILED} or {@link #BAD_INPUT}
     */
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
        if (name.equals("--version") || name.equals("-V") || name.equals("version")) {
            terminal.out().println("tradekit " + version());
            return OK;
        }
        Command command = commands.get(name);
        if (command == null) {
            terminal.err().println("tradekit: unknown command " + UntrustedText.quote(name) + "; commands: "
                    + String.join(", ", commands.keySet()) + suggestion(name));
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

    /** The version in the jar's manifest, or "development" when run from classes (tests, an IDE). */
    static String version() {
        String version = TradeKitCli.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    /** "; did you mean backtest?" when picocli finds known commands near the mistyped one, else nothing. */
    private String suggestion(String typed) {
        CommandSpec top = CommandSpec.create().name("tradekit");
        for (String known : commands.keySet()) top.addSubcommand(known, CommandSpec.create().name(known));
        try {
            new CommandLine(top).parseArgs(typed);
            return "";
        } catch (CommandLine.UnmatchedArgumentException e) {
            List<String> near = e.getSuggestions();
            return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
        } catch (CommandLine.ParameterException e) {
            return "";
        }
    }

    private String usage() {
        StringBuilder out = new StringBuilder("usage: tradekit <command> [flags]\n       tradekit --version\n\ncommands:\n");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Command c : commands.values()) {
            out.append("  ").append(c.name()).append(" ".repeat(width - c.name().length() + 3)).append(c.summary()).append('\n');
        }
        out.append("\nrun 'tradekit <command> --help' for a command's flags\n");
        out.append("exit codes: 0 done, 1 the run failed, 2 bad command line or input, 130 stopped with Ctrl-C\n");
        return out.toString();
    }
}
