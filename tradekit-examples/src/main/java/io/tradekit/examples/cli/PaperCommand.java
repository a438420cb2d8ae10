package io.tradekit.examples.cli;

import io.tradekit.config.Mode;

import java.nio.file.Path;
import java.util.Map;

/** {@code tradekit paper --config bot.json}: trade on live market data with simulated fills. */
public final class PaperCommand extends SessionCommand {

    /** Relative paths are taken from the process's working directory; credentials may come from its environment. */
    public PaperCommand() {
        this(Path.of(""), System.getenv());
    }

    /**
     * A command that reads files relative to {@code workingDirectory} and credentials from {@code environment}.
     *
     * @param workingDirectory where relative paths in the configuration and flags are taken from
     * @param environment the variables that may override the configuration file's credentials
     */
    public PaperCommand(Path workingDirectory, Map<String, String> environment) {
        super(Mode.PAPER, workingDirectory, environment);
    }

    @Override
    public String summary() {
        return "trade on live market data with simulated fills";
    }

    @Override
    String description() {
        return """
                Takes live market data from the venue and fills orders on the paper exchange with the "paper"
                account (cash, fees, slippage): nothing reaches the venue, and no credentials are needed. The paper
                book is kept beside the journal, so a paper bot resumes like a live one.
                """;
    }
}
