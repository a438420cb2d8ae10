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

    public static BarSeries of(StrategyContext ctx) {
        return ctx.unwrap(BarSeries.class).orElseThrow(() ->
                new InvalidInputException("this strategy context has no ta4j series; run the strategy inside a tradekit bot or backtest"));
    }

    /**
     * The series of {@code timeframe} kept in step with the bot's bars: the bot's own timeframe or one of the
     * strategy's {@link io.tradekit.api.spi.Strategy#higherTimeframes()} (closed bars only, like
     * {@link StrategyContext#recentBars(Timeframe, int)}).
     */
    public static BarSeries of(StrategyContext ctx, Timeframe timeframe) {
        if (timeframe.equals(ctx.timeframe())) return of(ctx);
        MarketDataCache cache = ctx.unwrap(MarketDataCache.class).orElseThrow(() ->
                new InvalidInputException("this strategy context has no " + timeframe + " series; run the strategy inside a tradekit bot or backtest"));
        return cache.ta4jSeries(ctx.symbol(), timeframe);
    }

    public static BarSeries of(String name, List<Bar> bars) {
        return BarSeriesBridge.of(name, bars, Math.max(2, bars.size()));
    }
}
