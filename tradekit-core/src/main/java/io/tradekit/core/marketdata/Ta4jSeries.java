package io.tradekit.core.marketdata;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
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

    public static BarSeries of(String name, List<Bar> bars) {
        return BarSeriesBridge.of(name, bars, Math.max(2, bars.size()));
    }
}
