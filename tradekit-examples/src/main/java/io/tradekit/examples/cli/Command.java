package io.tradekit.examples.cli;

import java.util.List;

/**
 * One command of the {@code tradekit} command line ({@code backtest}, {@code bench}, ...). A new command is
 * a new class registered in {@link TradeKitCli}.
 */
public interface Command {

    /**
     * The word that selects the command.
     *
     * @return e.g. {@code backtest}
     */
    String name();

    /**
     * One line for the list of commands.
     *
     * @return the summary, without a trailing newline
     */
    String summary();

    /**
     * The text {@code --help} prints: synopsis and options.
     *
     * @return the help text
     */
    String help();

    /**
     * Runs with the arguments after the command's name and returns the exit code. Bad usage is a
     * {@link UsageException}, bad input an {@link io.tradekit.api.InvalidInputException}: both exit 2.
     *
     * @param args the arguments after the command's name
     * @param terminal where results, progress and errors go
     * @return the exit code, one of {@link TradeKitCli}'s constants
     */
    int run(List<String> args, Terminal terminal);
}
