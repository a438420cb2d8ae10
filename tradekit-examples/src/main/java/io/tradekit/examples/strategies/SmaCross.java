package io.tradekit.examples.strategies;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Signal;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.marketdata.Ta4jSeries;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Rule;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The classic moving-average crossover, long only: BUY when the fast simple moving average of the
 * close crosses above the slow one, SELL (the whole position) when it crosses below. The averages and
 * the crossing rules are ta4j's, computed on the series the bot keeps in step with its bars.
 *
 * <pre>{@code TradeKit.backtest().bars(bars).strategy(new SmaCross(10, 30)).run();}</pre>
 */
public final class SmaCross implements Strategy {

    private final int fast;
    private final int slow;
    private Rule crossedUp;
    private Rule crossedDown;
    private BarSeries series;

    public SmaCross(int fast, int slow) {
        if (fast < 1) throw new InvalidInputException("sma-cross: parameter 'fast' must be at least 1, got " + fast);
        if (fast >= slow) {
            throw new InvalidInputException("sma-cross: parameter 'fast' (" + fast + ") must be smaller than 'slow' (" + slow + ")");
        }
        this.fast = fast;
        this.slow = slow;
    }

    public int fast() {
        return fast;
    }

    public int slow() {
        return slow;
    }

    @Override
    public int warmupBars() {
        return slow;
    }

    @Override
    public void onBar(Bar bar, StrategyContext ctx) {
        if (series == null) bindTo(Ta4jSeries.of(ctx));
        int index = series.getEndIndex();
        if (crossedUp.isSatisfied(index)) {
            ctx.signal(Signal.BUY);
        } else if (crossedDown.isSatisfied(index)) {
            ctx.signal(Signal.SELL);
        }
    }

    // The indicators are made once, on the bot's own series: ta4j caches their values per bar, so each
    // new bar costs one fresh value of each average.
    private void bindTo(BarSeries botSeries) {
        series = botSeries;
        ClosePriceIndicator close = new ClosePriceIndicator(botSeries);
        SMAIndicator fastSma = new SMAIndicator(close, fast);
        SMAIndicator slowSma = new SMAIndicator(close, slow);
        crossedUp = new CrossedUpIndicatorRule(fastSma, slowSma);
        crossedDown = new CrossedDownIndicatorRule(fastSma, slowSma);
    }

    @Override
    public String toString() {
        return "sma-cross(fast=" + fast + ", slow=" + slow + ")";
    }
}
