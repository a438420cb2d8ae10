package io.tradekit.examples.cli;

import io.tradekit.config.Mode;

import java.nio.file.Path;
import java.util.Map;

/** {@code tradekit live --config bot.json}: trade through the venue's adapter from a configuration file. */
public final class LiveCommand extends SessionCommand {

    /** Relative paths are taken from the process's working directory; credentials may come from its environment. */
    public LiveCommand() {
        this(Path.of(""), System.getenv());
    }

    /**
     * A command that reads files relative to {@code workingDirectory} and credentials from {@code environment}.
     *
     * @param workingDirectory where relative paths in the configuration and flags are taken from
     * @param environment the variables that may override the configuration file's credentials
     */
    public LiveCommand(Path workingDirectory, Map<String, String> environment) {
        super(Mode.LIVE, workingDirectory, environment);
    }

    @Override
    public String summary() {
        return "trade through the venue's adapter from a configuration file";
    }

    @Override
    String description() {
        return """
                Trades for real: the venue's adapter places the orders. Refused unless the configuration has
                credentials, risk.max-daily-loss or risk.max-drawdown, and a confirmation ("confirmLive": true in
                the file, or --yes-really-live).
                """;
    }
}
