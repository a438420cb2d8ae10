package io.tradekit.core.marketdata;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.StrategyContext;
import org.ta4j.core.BarSeries;

import java.util.List;

/**
 * How a strategy or policy gets ta4j series. Inside a bot: {@code Ta4jSeries.of(ctx)} is the series the
 * bot keeps in step with its bars. Outside one: {@code Ta4jSeries.of(name, bars)} converts a list.
 */
public final class Ta4jSeries {

    private Ta4jSeries() {
    }

    /**
     * The series of the bot's own timeframe, kept in step with the bot's closed bars.
     *
     * @param ctx the context the bot gave the strategy
     * @return the bot's live series; read it on the bot's loop only
     * @throws InvalidInputException if the context is not a tradekit bot's or backtest's
     */
    public static BarSeries of(StrategyContext ctx) {
        return ctx.unwrap(BarSeries.class).orElseThrow(() ->
                new InvalidInputException("this strategy context has no ta4j series; run the strategy inside a tradekit bot or backtest"));
    }

    /**
     * The series of {@code timeframe} kept in step with the bot's bars: the bot's own timeframe or one of the
     * strategy's {@link io.tradekit.api.spi.Strategy#higherTimeframes()} (closed bars only, like
     * {@link StrategyContext#recentBars(Timeframe, int)}).
     *
     * @param ctx the context the bot gave the strategy
     * @param timeframe the bot's timeframe or one of the strategy's higher timeframes
     * @return the live series of that timeframe; read it on the bot's loop only
     * @throws InvalidInputException if the context is not a tradekit bot's or backtest's
     */
    public static BarSeries of(StrategyContext ctx, Timeframe timeframe) {
        if (timeframe.equals(ctx.timeframe())) return of(ctx);
        MarketDataCache cache = ctx.unwrap(MarketDataCache.class).orElseThrow(() ->
                new InvalidInputException("this strategy context has no " + timeframe + " series; run the strategy inside a tradekit bot or backtest"));
        return cache.ta4jSeries(ctx.symbol(), timeframe);
    }

    /**
     * Converts bars into a new, standalone ta4j series.
     *
     * @param name the series' name
     * @param bars the bars, oldest first
     * @return a series holding all of them
     */
    public static BarSeries of(String name, List<Bar> bars) {
        return BarSeriesBridge.of(name, bars, Math.max(2, bars.size()));
    }
}
