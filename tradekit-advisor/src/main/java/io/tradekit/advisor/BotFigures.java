package io.tradekit.advisor;

import io.tradekit.core.BacktestResult;
import io.tradekit.core.report.TraderFigures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures a source judges a bot by, over the period it ran: what proposals quote as evidence, what a
 * language model is shown and what a heartbeat reports. Money is exact; ratios are doubles (NaN: no value).
 *
 * @param time           when the figures were taken
 * @param equity         the bot's equity in the quote asset
 * @param returnPct      the return over the period, in percent
 * @param maxDrawdownPct the deepest fall of equity from a peak, in percent (12.5 means 12.5 %)
 * @param winRate        the fraction of round trips that won, 0 to 1
 * @param roundTrips     closed round trips
 * @param sharpe         the Sharpe ratio of per-bar returns, annualized (see {@link BacktestResult})
 * @param profitFactor   won over lost (see {@link TraderFigures}); NaN when nothing lost
 */
public record BotFigures(Instant time, BigDecimal equity, BigDecimal returnPct, BigDecimal maxDrawdownPct, double winRate,
                         long roundTrips, double sharpe, double profitFactor) {

    /**
     * Checks that no reference component is null.
     *
     * @throws NullPointerException if {@code time}, {@code equity}, {@code returnPct} or {@code maxDrawdownPct} is null
     */
    public BotFigures {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(returnPct, "returnPct");
        Objects.requireNonNull(maxDrawdownPct, "maxDrawdownPct");
    }

    /**
     * The figures of a backtest (or of a paper bot's run reported as one), taken at its last equity mark.
     *
     * @param result the run's result
     * @return its figures, timed at the last equity mark ({@link Instant#EPOCH} when the curve is empty)
     */
    public static BotFigures of(BacktestResult result) {
        Instant time = result.equityCurve().isEmpty() ? Instant.EPOCH : result.equityCurve().getLast().time();
        TraderFigures trader = TraderFigures.of(result, List.of());
        return new BotFigures(time, result.finalEquity(), result.returnPct(), result.maxDrawdownPct(), result.winRate(),
                result.roundTrips().size(), result.sharpe(), trader.profitFactor());
    }

    /**
     * The figures by name as text, in a fixed order: the evidence of a proposal, the body of a heartbeat.
     *
     * @return time, equity, returnPct, maxDrawdownPct, winRate, roundTrips, sharpe, profitFactor; ratios to six
     *         significant digits, {@code n/a} for a ratio with no value
     */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("time", time.toString());
        m.put("equity", equity.toPlainString());
        m.put("returnPct", returnPct.toPlainString());
        m.put("maxDrawdownPct", maxDrawdownPct.toPlainString());
        m.put("winRate", number(winRate));
        m.put("roundTrips", Long.toString(roundTrips));
        m.put("sharpe", number(sharpe));
        m.put("profitFactor", number(profitFactor));
        return m;
    }

    private static String number(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString() : "n/a";
    }
}
