package io.tradekit.strategies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Side;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Signal;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.marketdata.Ta4jSeries;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

/**
 * The classic moving-average crossover: BUY when the fast simple moving average of the close crosses
 * above the slow one, SELL (the whole position) when it crosses below. Long only unless built with
 * {@code allowShort}: then, on a perpetual, a cross is a reversal: a cross below closes the long and, once
 * that close has filled, opens a short; a cross above closes the short and opens a long. The averages are
 * ta4j's {@link SMAIndicator}s on the series the bot keeps in step with its bars.
 *
 * <p>A crossing is a change of side: the averages were last apart with the fast one below (above) and
 * are now apart with it above (below); bars on which they are equal do not count as a side, as in
 * ta4j's {@code CrossedUpIndicatorRule}. Only full windows count: the first bar on which both averages
 * span {@code slow} closes sets the side, the next one may cross. The side is the strategy's state: a
 * restarted bot that restores it sees a crossing on its first bar too, and one without it (killed before any
 * snapshot) takes the side from the bars it was warmed up with.
 *
 * <pre>{@code TradeKit.backtest().bars(bars).strategy(new SmaCross(10, 30)).run();}</pre>
 */
public final class SmaCross implements Strategy {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int fast;
    private final int slow;
    private final boolean allowShort;
    private BarSeries series;
    private SMAIndicator fastSma;
    private SMAIndicator slowSma;
    /** The side of the fast average the last time the two were apart: +1 above, -1 below, 0 not yet known. */
    private int side;

    /**
     * A long-only crossover.
     *
     * @param fast bars of the fast average, at least 1
     * @param slow bars of the slow average, more than {@code fast}
     * @throws InvalidInputException when {@code fast} is below 1 or not below {@code slow}
     */
    public SmaCross(int fast, int slow) {
        this(fast, slow, false);
    }

    /**
     * A crossover that may open shorts on a perpetual when {@code allowShort}.
     *
     * @param fast       bars of the fast average, at least 1
     * @param slow       bars of the slow average, more than {@code fast}
     * @param allowShort whether a cross below on a perpetual reverses into a short
     * @throws InvalidInputException when {@code fast} is below 1 or not below {@code slow}
     */
    public SmaCross(int fast, int slow, boolean allowShort) {
        if (fast < 1) throw new InvalidInputException("sma-cross: parameter 'fast' must be at least 1, got " + fast);
        if (fast >= slow) {
            throw new InvalidInputException("sma-cross: parameter 'fast' (" + fast + ") must be smaller than 'slow' (" + slow + ")");
        }
        this.fast = fast;
        this.slow = slow;
        this.allowShort = allowShort;
    }

    @Override
    public boolean allowsShort() {
        return allowShort;
    }

    /**
     * Bars of the fast average.
     *
     * @return the fast period
     */
    public int fast() {
        return fast;
    }

    /**
     * Bars of the slow average; also the warmup.
     *
     * @return the slow period
     */
    public int slow() {
        return slow;
    }

    @Override
    public int warmupBars() {
        return slow;
    }

    @Override
    public void onBar(Bar bar, StrategyContext ctx) {
        if (series == null) {
            bindTo(Ta4jSeries.of(ctx));
            // A bot restarted without its saved side (killed before any snapshot): the bars it was warmed up with say
            // where the averages last stood apart, so a crossing on its first bar is seen as an uninterrupted run sees it.
            if (side == 0) side = lastSideBefore(series.getEndIndex());
        }
        int now = sideAt(series.getEndIndex());
        if (now == 0) return;
        int was = side;
        side = now;
        if (now > 0 && was < 0) ctx.signal(Signal.BUY);
        if (now < 0 && was > 0) ctx.signal(Signal.SELL);
    }

    /** With shorts allowed, the fill that closed the old side's position opens the new side's. */
    @Override
    public void onFill(Fill fill, StrategyContext ctx) {
        if (!allowShort || !ctx.position().isFlat()) return;
        if (side < 0 && fill.side() == Side.SELL) ctx.signal(Signal.SELL);
        else if (side > 0 && fill.side() == Side.BUY) ctx.signal(Signal.BUY);
    }

    // Each average is read once per bar, at the newest bar: ta4j then adds the new close and drops the
    // oldest (its running total's fast path) instead of summing the window again.
    private int sideAt(int index) {
        return Integer.signum(fastSma.getValue(index).compareTo(slowSma.getValue(index)));
    }

    /** The side at the newest bar before {@code index} whose averages span full windows and stand apart; 0 if none. */
    private int lastSideBefore(int index) {
        for (int i = index - 1; i >= series.getBeginIndex() + slow - 1; i--) {
            int apart = sideAt(i);
            if (apart != 0) return apart;
        }
        return 0;
    }

    private void bindTo(BarSeries botSeries) {
        series = botSeries;
        ClosePriceIndicator close = new ClosePriceIndicator(botSeries);
        fastSma = new SMAIndicator(close, fast);
        slowSma = new SMAIndicator(close, slow);
    }

    /** The side of the averages, so that a restarted bot still sees a crossing on its first bar. */
    @Override
    public String saveState() {
        return "{\"side\":" + side + "}";
    }

    @Override
    public void restoreState(String json) {
        try {
            JsonNode state = JSON.readTree(json);
            JsonNode saved = state == null ? null : state.get("side");
            if (saved == null || !saved.canConvertToInt() || Math.abs(saved.asInt()) > 1) {
                throw new InvalidInputException("sma-cross: saved state " + json + " has no side of -1, 0 or 1");
            }
            side = saved.asInt();
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("sma-cross: saved state is not JSON: " + json, e);
        }
    }

    @Override
    public String toString() {
        return "sma-cross(fast=" + fast + ", slow=" + slow + (allowShort ? ", allowShort=true" : "") + ")";
    }
}
