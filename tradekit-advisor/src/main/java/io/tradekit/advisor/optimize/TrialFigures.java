package io.tradekit.advisor.optimize;

import io.tradekit.core.BacktestResult;
import io.tradekit.core.report.TraderFigures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The key figures of one backtest of a trial, as the backtest report defines them ({@link BacktestResult},
 * {@link TraderFigures}): money and percentages exact, ratios doubles (NaN where they have no value).
 */
public record TrialFigures(BigDecimal returnPct, double sharpe, double calmar, BigDecimal maxDrawdownPct, long roundTrips,
                           double winRate, BigDecimal finalEquity, long bars) {

    public TrialFigures {
        Objects.requireNonNull(returnPct, "returnPct");
        Objects.requireNonNull(maxDrawdownPct, "maxDrawdownPct");
        Objects.requireNonNull(finalEquity, "finalEquity");
    }

    public static TrialFigures of(BacktestResult result) {
        TraderFigures figures = TraderFigures.of(result, List.of());
        return new TrialFigures(result.returnPct(), result.sharpe(), figures.calmar(), result.maxDrawdownPct(), result.roundTrips().size(),
                result.winRate(), result.finalEquity(), result.bars());
    }
}
