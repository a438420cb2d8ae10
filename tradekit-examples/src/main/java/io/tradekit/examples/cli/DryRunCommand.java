package io.tradekit.examples.cli;

import io.tradekit.config.Mode;

import java.nio.file.Path;
import java.util.Map;

/** {@code tradekit dry-run --config bot.json}: connect, warm up and log the orders a bot would send, sending none. */
public final class DryRunCommand extends SessionCommand {

    /** Relative paths are taken from the process's working directory; credentials may come from its environment. */
    public DryRunCommand() {
        this(Path.of(""), System.getenv());
    }

    /**
     * A command that reads files relative to {@code workingDirectory} and credentials from {@code environment}.
     *
     * @param workingDirectory where relative paths in the configuration and flags are taken from
     * @param environment the variables that may override the configuration file's credentials
     */
    public DryRunCommand(Path workingDirectory, Map<String, String> environment) {
        super(Mode.DRY_RUN, workingDirectory, environment);
    }

    @Override
    public String summary() {
        return "connect, warm up and log the orders a bot would send, sending none";
    }

    @Override
    String description() {
        return """
                Connects to the venue and warms up like live, computes the orders the strategy wants and logs them
                (and records them in would-be-orders.jsonl in the report directory), but sends none: each is
                answered locally as resting and unfilled. Needs credentials, to read the account.
                """;
    }
}
