package io.tradekit.strategies;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Signal;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.marketdata.Ta4jSeries;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

/**
 * Mean reversion on the relative strength index: BUY on every bar whose RSI of the close is below {@code oversold},
 * SELL on every bar whose RSI is above {@code overbought}, nothing in between (the engine ignores a BUY while long
 * and a SELL while flat on spot, so a run of oversold bars opens one position). Short on a perpetual only when built
 * with {@code allowShort}. The RSI is ta4j's {@link RSIIndicator} (Wilder's: the first averages are the plain
 * means of the first {@code period} changes, then smoothed by 1/period, over the series the bot keeps) on that series, read once per bar so that its running averages stay cached.
 *
 * <pre>{@code TradeKit.backtest().bars(bars).strategy(new Rsi(14, 30, 70)).run();}</pre>
 */
public final class Rsi implements Strategy {

    private final int period;
    private final double oversold;
    private final double overbought;
    private final boolean allowShort;
    private RSIIndicator rsi;

    /**
     * A long-only RSI strategy; see {@link #Rsi(int, double, double, boolean)}.
     *
     * @param period     bars of the RSI's averages, at least 2
     * @param oversold   the RSI (0 to 100) under which the strategy buys
     * @param overbought the RSI (0 to 100) over which the strategy sells; above {@code oversold}
     * @throws InvalidInputException when the period is below 2 or the levels are not {@code 0 < oversold < overbought < 100}
     */
    public Rsi(int period, double oversold, double overbought) {
        this(period, oversold, overbought, false);
    }

    /**
     * An RSI strategy that may open shorts on a perpetual when {@code allowShort}.
     *
     * @param period     bars of the RSI's averages, at least 2
     * @param oversold   the RSI (0 to 100) under which the strategy buys
     * @param overbought the RSI (0 to 100) over which the strategy sells; above {@code oversold}
     * @param allowShort whether a SELL while flat on a perpetual opens a short
     * @throws InvalidInputException when the period is below 2 or the levels are not {@code 0 < oversold < overbought < 100}
     */
    public Rsi(int period, double oversold, double overbought, boolean allowShort) {
        if (period < 2) throw new InvalidInputException("rsi: parameter 'period' must be at least 2, got " + period);
        if (!(oversold > 0 && oversold < 100)) throw new InvalidInputException("rsi: parameter 'oversold' must be above 0 and below 100, got " + oversold);
        if (!(overbought > 0 && overbought < 100)) {
            throw new InvalidInputException("rsi: parameter 'overbought' must be above 0 and below 100, got " + overbought);
        }
        if (oversold >= overbought) {
            throw new InvalidInputException("rsi: parameter 'oversold' (" + oversold + ") must be below 'overbought' (" + overbought + ")");
        }
        this.period = period;
        this.oversold = oversold;
        this.overbought = overbought;
        this.allowShort = allowShort;
    }

    /**
     * Bars of the RSI's averages.
     *
     * @return the period
     */
    public int period() {
        return period;
    }

    /**
     * The RSI under which the strategy buys.
     *
     * @return the oversold level, 0 to 100
     */
    public double oversold() {
        return oversold;
    }

    /**
     * The RSI over which the strategy sells.
     *
     * @return the overbought level, 0 to 100
     */
    public double overbought() {
        return overbought;
    }

    /** One more bar than the period: the first bar has no change to average. */
    @Override
    public int warmupBars() {
        return period + 1;
    }

    @Override
    public boolean allowsShort() {
        return allowShort;
    }

    @Override
    public void onBar(Bar bar, StrategyContext ctx) {
        if (rsi == null) rsi = new RSIIndicator(new ClosePriceIndicator(Ta4jSeries.of(ctx)), period);
        BarSeries series = rsi.getBarSeries();
        double value = rsi.getValue(series.getEndIndex()).doubleValue();
        if (value < oversold) ctx.signal(Signal.BUY);
        else if (value > overbought) ctx.signal(Signal.SELL);
    }

    @Override
    public String toString() {
        return "rsi(period=" + period + ", oversold=" + oversold + ", overbought=" + overbought + (allowShort ? ", allowShort=true" : "") + ")";
    }
}
