package io.tradekit.advisor.optimize;

import io.tradekit.core.BacktestResult;
import io.tradekit.core.report.TraderFigures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The key figures of one backtest of a trial, as the backtest report defines them ({@link BacktestResult},
 * {@link TraderFigures}): money and percentages exact, ratios doubles (NaN where they have no value).
 *
 * @param returnPct      the return over the run, in percent
 * @param sharpe         the annualized Sharpe ratio of per-bar returns
 * @param calmar         the CAGR over the maximum drawdown; NaN when the run never drew down
 * @param maxDrawdownPct the deepest fall of equity from a peak, in percent
 * @param roundTrips     closed round trips
 * @param winRate        the share of round trips that won, 0 to 1
 * @param finalEquity    the equity at the end, in the quote asset
 * @param bars           how many bars the backtest ran over
 */
public record TrialFigures(BigDecimal returnPct, double sharpe, double calmar, BigDecimal maxDrawdownPct, long roundTrips,
                           double winRate, BigDecimal finalEquity, long bars) {

    /**
     * Checks that no money component is null.
     *
     * @throws NullPointerException if {@code returnPct}, {@code maxDrawdownPct} or {@code finalEquity} is null
     */
    public TrialFigures {
        Objects.requireNonNull(returnPct, "returnPct");
        Objects.requireNonNull(maxDrawdownPct, "maxDrawdownPct");
        Objects.requireNonNull(finalEquity, "finalEquity");
    }

    /**
     * The figures of a backtest.
     *
     * @param result the backtest's result
     * @return its figures
     */
    public static TrialFigures of(BacktestResult result) {
        TraderFigures figures = TraderFigures.of(result, List.of());
        return new TrialFigures(result.returnPct(), result.sharpe(), figures.calmar(), result.maxDrawdownPct(), result.roundTrips().size(),
                result.winRate(), result.finalEquity(), result.bars());
    }
}
