package io.tradekit.examples.cli;

import java.util.List;

/**
 * One command of the {@code tradekit} command line ({@code backtest}, {@code bench}, ...). A new command is
 * a new class registered in {@link TradeKitCli}.
 */
public interface Command {

    /** The word that selects the command, e.g. {@code backtest}. */
    String name();

    /** One line for the list of commands. */
    String summary();

    /** The text {@code --help} prints: synopsis and options. */
    String help();

    /**
     * Runs with the arguments after the command's name and returns the exit code. Bad usage is a
     * {@link UsageException}, bad input an {@link io.tradekit.api.InvalidInputException}: both exit 2.
     */
    int run(List<String> args, Terminal terminal);
}
