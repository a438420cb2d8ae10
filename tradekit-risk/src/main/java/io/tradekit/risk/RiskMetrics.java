package io.tradekit.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures behind a {@link RiskReport}. Money is in the account's quote currency.
 *
 * @param equity            the account's equity now
 * @param peakEquity        the highest equity seen, at least {@code equity}
 * @param drawdown          fall from the equity peak, as a fraction of the peak
 * @param dailyPnl          equity minus the equity at the start of the trading day
 * @param grossExposure     sum of |position notional| over equity
 * @param regimes           the regime of each symbol that has enough bars
 * @param portfolioTailRisk one-bar VaR and ES of the current book (historical and parametric, 95 and 99 %),
 *                          as fractions of equity; empty when flat or short of bars
 * @param correlations      every pair of the symbols, over recent returns
 * @param stress            the book under each price shock
 * @param riskOfRuin        the estimate from recent round trips, once there are enough
 */
public record RiskMetrics(BigDecimal equity, BigDecimal peakEquity, BigDecimal drawdown, BigDecimal dailyPnl, BigDecimal grossExposure,
                          Map<String, RegimeReading> regimes, List<TailRisk> portfolioTailRisk, List<PairCorrelation> correlations,
                          List<StressResult> stress, Optional<RiskOfRuin> riskOfRuin) {

    /**
     * Copies the collections into unmodifiable ones.
     *
     * @throws NullPointerException if a collection is null or holds null
     */
    public RiskMetrics {
        regimes = Map.copyOf(regimes);
        portfolioTailRisk = List.copyOf(portfolioTailRisk);
        correlations = List.copyOf(correlations);
        stress = List.copyOf(stress);
    }

    /**
     * The tail-risk figures of one method at one confidence.
     *
     * @param method     historical or parametric
     * @param confidence 95 or 99 %
     * @return the figures, or empty when the book had none (flat, or too few returns)
     */
    public Optional<TailRisk> tailRisk(VarMethod method, Confidence confidence) {
        return portfolioTailRisk.stream().filter(t -> t.method() == method && t.confidence() == confidence).findFirst();
    }
}
