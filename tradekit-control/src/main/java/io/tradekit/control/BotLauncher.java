package io.tradekit.control;

import io.tradekit.core.TradingBot;

/**
 * Makes one bot of a fleet when the supervisor starts it, and stops it. A launcher may return a bot that is
 * already started or one that is not (the supervisor starts it); each start of the bot in the fleet calls
 * {@link #launch} again, so a bot that was stopped is built anew and recovers from its journal.
 *
 * <pre>{@code BotLauncher launcher = () -> TradeKit.bot("btc-paper").exchange(paper).symbol("BTCUSDT")
 *         .strategy("sma-cross", Map.of()).store(StateStores.sqlite(Path.of("btc-paper.db"))).build();}</pre>
 */
@FunctionalInterface
public interface BotLauncher {

    /**
     * Builds (and may start) the bot; an exception leaves this bot FAILED and every other bot untouched.
     *
     * @return the bot, started or not; never null (a null return leaves the bot FAILED)
     * @throws Exception anything the build throws; the supervisor records its type and message as the bot's error
     */
    TradingBot launch() throws Exception;

    /**
     * Stops the bot this launcher made; by default {@link TradingBot#stop()}. A runtime exception is logged and the
     * bot counts as stopped.
     *
     * @param bot the running bot that {@link #launch} returned
     */
    default void stop(TradingBot bot) {
        bot.stop();
    }
}
