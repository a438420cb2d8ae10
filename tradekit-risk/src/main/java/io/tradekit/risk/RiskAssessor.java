package io.tradekit.risk;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Position;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.risk.internal.Exposure;
import io.tradekit.risk.internal.Figures;
import io.tradekit.risk.internal.LimitValues;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link RiskReport} from the account and the bot's limits. The level is the most serious
 * finding, LOW when there is none:
 * <ul>
 *   <li>drawdown and daily loss against their limits: CRITICAL at 100 %, HIGH from 80 %, MEDIUM from 50 %;</li>
 *   <li>gross exposure against {@code max-exposure}: HIGH at 100 %, MEDIUM from 80 % (without that limit,
 *       MEDIUM when the book is leveraged, over 1x equity);</li>
 *   <li>stress: the smallest shock that breaches a limit or wipes out equity, CRITICAL when 5 % does,
 *       HIGH when 10 % does, MEDIUM for anything larger;</li>
 *   <li>regime: HIGH_VOLATILITY on a held symbol is HIGH, on another traded symbol MEDIUM;</li>
 *   <li>one-bar historical 99 % VaR of the book against the daily loss still allowed: HIGH when it
 *       reaches it, MEDIUM from half of it;</li>
 *   <li>two positions that are the same bet (returns correlated 0.8 or more in the held direction): MEDIUM;</li>
 *   <li>risk of ruin over {@code max-risk-of-ruin}: HIGH, from half of it MEDIUM (without the limit, MEDIUM
 *       over 5 %).</li>
 * </ul>
 */
public final class RiskAssessor {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal FOUR_FIFTHS = new BigDecimal("0.8");
    private static final double SAME_BET = 0.8;
    private static final int MIN_RETURNS_FOR_VAR = 20;

    private final RegimeDetector detector;
    private final StressTest stressTest;
    private final List<PriceShock> shocks;
    private final int correlationWindow;
    private final Optional<BigDecimal> maxDrawdown;
    private final Optional<BigDecimal> maxDailyLoss;
    private final Optional<BigDecimal> maxExposure;
    private final Optional<BigDecimal> maxRiskOfRuin;

    /**
     * An assessor with {@link RegimeDetector#standard()}, {@link PriceShock#standard()} and correlation over 30 bars.
     *
     * @param limits the bot's limits; {@code max-drawdown}, {@code max-daily-loss}, {@code max-exposure} and
     *               {@code max-risk-of-ruin} are read, the others ignored
     * @throws io.tradekit.api.InvalidInputException if one of those limits has a value out of its range
     */
    public RiskAssessor(RiskLimits limits) {
        this(limits, RegimeDetector.standard(), PriceShock.standard(), 30);
    }

    /**
     * An assessor with its own regime detector, shocks and correlation window.
     *
     * @param limits            the bot's limits; {@code max-drawdown}, {@code max-daily-loss}, {@code max-exposure}
     *                          and {@code max-risk-of-ruin} are read, the others ignored
     * @param detector          reads each symbol's regime; it also sets how many recent bars are fetched per symbol
     * @param shocks            the price shocks of the stress test, copied
     * @param correlationWindow how many recent common returns each pair's correlation is taken over, at least 2
     * @throws io.tradekit.api.InvalidInputException if {@code correlationWindow} is below 2 or a limit has a value
     *         out of its range
     */
    public RiskAssessor(RiskLimits limits, RegimeDetector detector, List<PriceShock> shocks, int correlationWindow) {
        if (correlationWindow < 2) throw new InvalidInputException("correlation window must be at least 2 bars, got " + correlationWindow);
        LimitValues values = new LimitValues(limits);
        this.detector = detector;
        this.stressTest = new StressTest(limits);
        this.shocks = List.copyOf(shocks);
        this.correlationWindow = correlationWindow;
        this.maxDrawdown = values.fraction(RiskLimits.MAX_DRAWDOWN);
        this.maxDailyLoss = values.positive(RiskLimits.MAX_DAILY_LOSS);
        this.maxExposure = values.positive(RiskLimits.MAX_EXPOSURE);
        this.maxRiskOfRuin = values.fraction(RiskLimits.MAX_RISK_OF_RUIN);
    }

    /**
     * Assesses the account now. Reads positions, equity and recent bars from {@code ctx} and changes nothing.
     *
     * @param ctx     the account as the engine sees it
     * @param symbols the symbols the bot trades; symbols with an open position are added
     * @return the report, timed at {@code ctx.now()}; a symbol with fewer bars than the detector needs has no
     *         regime, and a book with fewer than 20 common returns has no tail-risk figures
     */
    public RiskReport assess(RiskContext ctx, Collection<String> symbols) {
        BigDecimal equity = ctx.equity();
        BigDecimal peak = ctx.peakEquity().max(equity);
        BigDecimal drawdown = peak.signum() <= 0 ? BigDecimal.ZERO : peak.subtract(equity).divide(peak, MathContext.DECIMAL64);
        BigDecimal dailyPnl = equity.subtract(ctx.dayStartEquity());
        BigDecimal gross = Exposure.fractionOf(Exposure.grossNotional(ctx), equity);

        Set<String> all = new LinkedHashSet<>(symbols);
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (Position p : ctx.positions()) {
            if (p.isFlat()) continue;
            all.add(p.symbol());
            weights.put(p.symbol(), Exposure.fractionOf(Exposure.signedNotional(p, ctx), equity));
        }
        Map<String, List<Bar>> bars = new LinkedHashMap<>();
        Map<String, RegimeReading> regimes = new LinkedHashMap<>();
        for (String s : all) {
            List<Bar> recent = ctx.recentBars(s, detector.minimumBars());
            bars.put(s, recent);
            if (recent.size() >= detector.minimumBars()) regimes.put(s, detector.detect(recent));
        }
        List<TailRisk> tail = List.of();
        if (!weights.isEmpty() && equity.signum() > 0) {
            double[] book = ReturnSeries.portfolio(bars, weights);
            if (book.length >= MIN_RETURNS_FOR_VAR) tail = ValueAtRisk.all(book);
        }
        List<PairCorrelation> correlations = Correlation.pairs(bars, correlationWindow);
        List<StressResult> stress = stressTest.run(ctx, shocks);
        Optional<RiskOfRuin> ruin = RiskOfRuin.ofRecentTrades(ctx);

        RiskMetrics metrics = new RiskMetrics(equity, peak, drawdown, dailyPnl, gross, regimes, tail, correlations, stress, ruin);
        List<RiskFinding> findings = new ArrayList<>();
        lossFindings(metrics, findings);
        exposureFinding(gross).ifPresent(findings::add);
        stressFinding(stress).ifPresent(findings::add);
        regimeFindings(regimes, weights, findings);
        varFinding(metrics, equity).ifPresent(findings::add);
        correlationFindings(correlations, weights, findings);
        ruin.flatMap(this::ruinFinding).ifPresent(findings::add);
        RiskLevel level = findings.stream().map(RiskFinding::level).reduce(RiskLevel.LOW, RiskLevel::max);
        return new RiskReport(ctx.now(), level, metrics, findings);
    }

    private static Optional<RiskLevel> byUsage(BigDecimal ratio) {
        if (ratio.compareTo(BigDecimal.ONE) >= 0) return Optional.of(RiskLevel.CRITICAL);
        if (ratio.compareTo(FOUR_FIFTHS) >= 0) return Optional.of(RiskLevel.HIGH);
        if (ratio.compareTo(HALF) >= 0) return Optional.of(RiskLevel.MEDIUM);
        return Optional.empty();
    }

    private void lossFindings(RiskMetrics m, List<RiskFinding> out) {
        maxDrawdown.ifPresent(max -> {
            BigDecimal ratio = m.drawdown().divide(max, MathContext.DECIMAL64);
            byUsage(ratio).ifPresent(level -> out.add(new RiskFinding(level, RiskLimits.MAX_DRAWDOWN,
                    "drawdown " + Figures.percent(m.drawdown()) + " is " + Figures.percent(ratio) + " of " + RiskLimits.MAX_DRAWDOWN
                            + " " + Figures.percent(max),
                    level == RiskLevel.CRITICAL ? "stop and review the strategy before resuming"
                            : "cut position sizes so that the next losses cannot reach the limit")));
        });
        maxDailyLoss.ifPresent(max -> {
            BigDecimal loss = m.dailyPnl().negate().max(BigDecimal.ZERO);
            BigDecimal ratio = loss.divide(max, MathContext.DECIMAL64);
            byUsage(ratio).ifPresent(level -> out.add(new RiskFinding(level, RiskLimits.MAX_DAILY_LOSS,
                    "daily loss " + Figures.plain(loss) + " is " + Figures.percent(ratio) + " of " + RiskLimits.MAX_DAILY_LOSS + " " + Figures.plain(max),
                    level == RiskLevel.CRITICAL ? "stop trading for the rest of the day" : "trade smaller for the rest of the day")));
        });
    }

    private Optional<RiskFinding> exposureFinding(BigDecimal gross) {
        if (maxExposure.isEmpty()) {
            if (gross.compareTo(BigDecimal.ONE) > 0) {
                return Optional.of(new RiskFinding(RiskLevel.MEDIUM, "exposure", "gross exposure is " + Figures.plain(gross) + "x equity",
                        "the book is leveraged; set " + RiskLimits.MAX_EXPOSURE + " to cap it"));
            }
            return Optional.empty();
        }
        BigDecimal ratio = gross.divide(maxExposure.get(), MathContext.DECIMAL64);
        RiskLevel level = ratio.compareTo(BigDecimal.ONE) >= 0 ? RiskLevel.HIGH : ratio.compareTo(FOUR_FIFTHS) >= 0 ? RiskLevel.MEDIUM : null;
        if (level == null) return Optional.empty();
        return Optional.of(new RiskFinding(level, RiskLimits.MAX_EXPOSURE, "gross exposure " + Figures.plain(gross) + " is "
                + Figures.percent(ratio) + " of " + RiskLimits.MAX_EXPOSURE + " " + Figures.plain(maxExposure.get()),
                "close or shrink positions before adding new ones"));
    }

    private static Optional<RiskFinding> stressFinding(List<StressResult> stress) {
        StressResult worst = null;
        for (StressResult r : stress) {
            if (!r.breaches()) continue;
            if (worst == null || r.shock().change().abs().compareTo(worst.shock().change().abs()) < 0) worst = r;
        }
        if (worst == null) return Optional.empty();
        BigDecimal size = worst.shock().change().abs();
        RiskLevel level = size.compareTo(new BigDecimal("0.05")) <= 0 ? RiskLevel.CRITICAL
                : size.compareTo(new BigDecimal("0.10")) <= 0 ? RiskLevel.HIGH : RiskLevel.MEDIUM;
        String what = worst.equityAfter().signum() <= 0 ? "wipes out equity" : "reaches " + String.join(" and ", worst.breachedRules());
        return Optional.of(new RiskFinding(level, "stress", "a " + worst.shock() + " move " + what + " (equity after "
                + Figures.plain(worst.equityAfter()) + ")", "reduce positions until such a move stays within the limits"));
    }

    private static void regimeFindings(Map<String, RegimeReading> regimes, Map<String, BigDecimal> held, List<RiskFinding> out) {
        for (RegimeReading r : regimes.values()) {
            if (r.regime() != MarketRegime.HIGH_VOLATILITY) continue;
            boolean holding = held.containsKey(r.symbol());
            out.add(new RiskFinding(holding ? RiskLevel.HIGH : RiskLevel.MEDIUM, "regime", r.symbol() + " is in high volatility "
                    + "(realized volatility at percentile " + Figures.plain(BigDecimal.valueOf(r.volatilityPercentile()))
                    + (r.shock() ? ", last bar a shock of 3+ ATR" : "") + ")",
                    holding ? "tighten stops or reduce the position" : "wait for calmer prices before entering"));
        }
    }

    private Optional<RiskFinding> varFinding(RiskMetrics m, BigDecimal equity) {
        Optional<TailRisk> var99 = m.tailRisk(VarMethod.HISTORICAL, Confidence.P99);
        if (var99.isEmpty() || maxDailyLoss.isEmpty()) return Optional.empty();
        BigDecimal room = maxDailyLoss.get().add(m.dailyPnl().min(BigDecimal.ZERO));
        BigDecimal var = var99.get().valueAtRiskOn(equity);
        if (room.signum() <= 0) return Optional.empty();
        BigDecimal ratio = var.divide(room, MathContext.DECIMAL64);
        RiskLevel level = ratio.compareTo(BigDecimal.ONE) >= 0 ? RiskLevel.HIGH : ratio.compareTo(HALF) >= 0 ? RiskLevel.MEDIUM : null;
        if (level == null) return Optional.empty();
        return Optional.of(new RiskFinding(level, "value-at-risk", "one-bar 99 % VaR " + Figures.plain(var) + " is "
                + Figures.percent(ratio) + " of the daily loss still allowed (" + Figures.plain(room) + ")",
                "a single bad bar could use up the day's loss limit; reduce the book"));
    }

    private static void correlationFindings(List<PairCorrelation> pairs, Map<String, BigDecimal> held, List<RiskFinding> out) {
        for (PairCorrelation c : pairs) {
            BigDecimal a = held.get(c.first());
            BigDecimal b = held.get(c.second());
            if (a == null || b == null || Double.isNaN(c.correlation())) continue;
            double sameBet = c.correlation() * a.signum() * b.signum();
            if (sameBet >= SAME_BET) {
                out.add(new RiskFinding(RiskLevel.MEDIUM, "correlation", c.first() + " and " + c.second() + " positions move together "
                        + "(correlation " + Figures.plain(BigDecimal.valueOf(c.correlation())) + " over " + c.observations() + " bars)",
                        "treat them as one position when sizing"));
            }
        }
    }

    private Optional<RiskFinding> ruinFinding(RiskOfRuin r) {
        BigDecimal p = BigDecimal.valueOf(r.probability());
        RiskLevel level;
        if (maxRiskOfRuin.isPresent()) {
            level = p.compareTo(maxRiskOfRuin.get()) > 0 ? RiskLevel.HIGH
                    : p.compareTo(maxRiskOfRuin.get().multiply(HALF)) >= 0 ? RiskLevel.MEDIUM : null;
        } else {
            level = p.compareTo(new BigDecimal("0.05")) > 0 ? RiskLevel.MEDIUM : null;
        }
        if (level == null) return Optional.empty();
        return Optional.of(new RiskFinding(level, "risk-of-ruin", "risk of ruin " + Figures.plain(p) + " from " + r.trades()
                + " trades (win rate " + Figures.plain(BigDecimal.valueOf(r.winRate())) + ")",
                "the strategy's edge is thin for its size; trade smaller or stop it"));
    }
}
