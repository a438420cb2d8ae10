package io.tradekit.core;

import io.tradekit.api.Bar;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Drives a {@link TradingBot} through bars a host holds, instead of a venue's stream: what {@link Replay} does for
 * a data set, and what a test or an embedding service does for a few bars. It hands the bot the next bar only when
 * the bot and its calls to the venue are idle, so a bot on a data clock ({@code .dataClock()}) over a paper venue
 * trades each bar exactly as a backtest does. The bot's own handle keeps what a host runs a bot with (start, stop,
 * pause, flatten, status, events); this type holds the driver's side.
 *
 * <pre>{@code
 * TradingBot bot = TradeKit.bot("paper").exchange(paperVenue).symbol("BTCUSDT").timeframe(Timeframe.M1)
 *     .strategy("sma-cross", params).dataClock().build();
 * bot.start();
 * ReplayDriver driver = ReplayDriver.of(bot);
 * for (Bar bar : bars) driver.feed(bar);
 * }</pre>
 */
public final class ReplayDriver {

    private final TradingBot bot;

    private ReplayDriver(TradingBot bot) {
        this.bot = bot;
    }

    /**
     * A driver of {@code bot}; drivers of the same bot are interchangeable, as all of their state is the bot's.
     *
     * @param bot the bot to drive, started before the first {@link #feed}
     * @return the driver
     */
    public static ReplayDriver of(TradingBot bot) {
        return new ReplayDriver(Objects.requireNonNull(bot, "bot"));
    }

    /**
     * Replays one bar as if the venue had just closed it: a paper venue plays the bar's price path and, at every
     * stop, the bot answers what it heard (its calls to the venue included) before the path goes on; then the bot
     * handles the closed bar. Returns once the bot and its venue calls are idle and the journal holds, durably, the
     * mark that the bar was acted on: a restart resumes after it ({@link TradingBot#lastBarTime}), and the venue never
     * plays the next bar ahead of a journal a crash could roll back.
     *
     * @param bar the next closed bar of the bot's series
     * @throws IllegalStateException if the bot is not started
     */
    public void feed(Bar bar) {
        bot.feed(bar);
    }

    /**
     * Replays the bars of a bot's pairs that close at the same time: a paper venue plays their paths side by side,
     * then the bot handles each closed bar in the order given, as a backtest over the same pairs does. Returns once
     * the bot and its venue calls are idle.
     *
     * @param closingTogether one closed bar per pair, all with the same close time
     * @throws IllegalStateException if the bot is not started
     */
    public void feed(List<Bar> closingTogether) {
        bot.feed(closingTogether);
    }

    /**
     * Waits until the bot's loop has nothing queued or running and no venue call is on its way back.
     *
     * @param timeout how long to wait, on wall time
     * @return true once idle; false if still busy when the timeout passed
     */
    public boolean awaitIdle(Duration timeout) {
        return bot.awaitIdle(timeout);
    }

    /**
     * Stops trading and reports what the bot did over its whole journal, in a backtest's terms, then shuts the bot
     * down: how a replay ends.
     *
     * @param strategyName the strategy's name as the report shows it
     * @param bars         how many bars the run covered
     * @param startedNanos {@link System#nanoTime()} when the run began, for the report's duration
     * @param initialCash  the equity the run's figures are measured from
     * @return the run's result
     */
    public BacktestResult stopWithResult(String strategyName, long bars, long startedNanos, BigDecimal initialCash) {
        return bot.stopWithResult(strategyName, bars, startedNanos, initialCash);
    }
}
