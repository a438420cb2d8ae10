package io.tradekit.core.internal;

import io.tradekit.api.SafetyAction;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.EquitySnapshot;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.EquityPoint;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.SafetyEvent;
import io.tradekit.core.store.BotStore;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Turns an engine's state into the figures a report shows: one computation for backtests and replays. */
public final class Results {

    private static final int MAX_CURVE_POINTS = 4000;

    private Results() {
    }

    /**
     * The figures of {@code engine}'s run. {@code heard} are the safety events a backtest collected as they
     * happened; a bot with a journal (replay, paper, live) reports the journal's instead, and its equity journal
     * as the curve, every run of the bot included, so a restart loses none. {@code initialCash} is what the figures
     * are measured from: for a journaled bot, its equity when the journal began.
     */
    public static BacktestResult of(BotEngine engine, String strategyName, long bars, long elapsedMs, BigDecimal initialCash,
                                    List<SafetyEvent> heard) {
        // A journaled bot (replay, paper, live) may span several runs (restarts): its curve is the equity journal, not this run's memory.
        boolean journaled = !(engine.loop instanceof DirectLoop) && engine.store instanceof BotStore;
        EquityCurve curve = journaled ? fromJournal((BotStore) engine.store) : engine.equityCurve();
        List<SafetyEvent> safetyEvents = journaled ? safetyEvents(((BotStore) engine.store).eventsSince(Instant.EPOCH)) : heard;
        Portfolio portfolio = engine.portfolio();
        BigDecimal finalEquity = engine.equity();
        BigDecimal fees = portfolio.totalFees();
        BigDecimal realized = portfolio.grossRealizedPnl().subtract(fees);
        List<RoundTrip> trips = portfolio.roundTrips();
        long wins = trips.stream().filter(RoundTrip::isWin).count();
        var timeframe = engine.config.timeframe();
        double barsPerYear = Duration.ofDays(365).toSeconds() / (double) timeframe.duration().toSeconds();
        // A bot with several pairs reports them all, joined by commas, in the order they were given.
        return BacktestResult.builder()
                .strategy(strategyName)
                .symbol(String.join(",", engine.pairs()))
                .timeframe(timeframe)
                .bars(bars)
                .orders(new ArrayList<>(engine.orders().all()))
                .fills(engine.store.fills())
                .roundTrips(trips)
                .equityCurve(sample(curve))
                .initialCash(initialCash)
                .fees(fees)
                .realizedPnl(realized)
                .finalEquity(finalEquity)
                .returnPct(percent(finalEquity.subtract(initialCash), initialCash))
                .maxDrawdownPct(curve.maxDrawdown().movePointRight(2).setScale(4, RoundingMode.HALF_EVEN))
                .sharpe(curve.sharpe(barsPerYear))
                .winRate(trips.isEmpty() ? 0.0 : wins / (double) trips.size())
                .ordersDenied(engine.ordersDenied())
                .safetyEvents(safetyEvents)
                .finalState(engine.state())
                .elapsedMs(elapsedMs)
                .barsPerSecond(elapsedMs <= 0 ? 0.0 : bars / (elapsedMs / 1000.0))
                .sortino(curve.sortino(barsPerYear))
                .dayCloses(curve.dayCloses())
                .strategyFailure(engine.strategyFailure())
                .perpetual(perpetualFigures(engine))
                .build();
    }

    private static java.util.Optional<io.tradekit.core.PerpetualFigures> perpetualFigures(BotEngine engine) {
        if (!engine.instrument.isDerivative()) return java.util.Optional.empty();
        Portfolio portfolio = engine.portfolio();
        int liquidations = (int) portfolio.roundTrips().stream().filter(t -> t.exitReason() == io.tradekit.core.ExitReason.LIQUIDATION).count();
        MarginWatch watch = engine.marginWatch;
        return java.util.Optional.of(io.tradekit.core.PerpetualFigures.builder()
                .leverage(engine.config.leverage())
                .fundingPaid(portfolio.fundingPaid())
                .fundingReceived(portfolio.fundingReceived())
                .maxLeverageUsed(watch.maxLeverage())
                .closestLiquidationDistance(watch.closest())
                .closestLiquidationAt(watch.closestAt())
                .closestLiquidationPrice(watch.closestPrice())
                .liquidations(liquidations)
                .liquidationFees(liquidationFees(engine))
                .build());
    }

    /** The fees of the fills of the venue's liquidation orders, every run of the bot included (its journal's fills). */
    private static BigDecimal liquidationFees(BotEngine engine) {
        BigDecimal fees = BigDecimal.ZERO;
        for (io.tradekit.api.Fill fill : engine.store.fills()) {
            boolean venueOwn = engine.orders().get(fill.clientOrderId())
                    .filter(o -> io.tradekit.core.ExitReason.ofOrderTag(o.tag()) == io.tradekit.core.ExitReason.LIQUIDATION).isPresent();
            if (venueOwn) fees = fees.add(fill.fee());
        }
        return fees;
    }

    /**
     * The safety events among audit lines: the {@code safety} lines the safety manager writes for every
     * verdict it acts on (actor: the policy; reason: {@code ACTION: why}), the same verdicts a backtest hears.
     */
    static List<SafetyEvent> safetyEvents(List<AuditEvent> journal) {
        List<SafetyEvent> out = new ArrayList<>();
        for (AuditEvent e : journal) {
            if (!"safety".equals(e.type())) continue;
            int colon = e.reason().indexOf(": ");
            String action = colon < 0 ? e.reason() : e.reason().substring(0, colon);
            String why = colon < 0 ? "" : e.reason().substring(colon + 2);
            for (SafetyAction a : SafetyAction.values()) {
                if (a.name().equals(action)) out.add(new SafetyEvent(e.time(), e.actor(), a, why));
            }
        }
        return out;
    }

    /** The equity journal across every run of the bot, one point per instant (the latest wins). */
    private static EquityCurve fromJournal(BotStore store) {
        TreeMap<Instant, BigDecimal> points = new TreeMap<>();
        for (EquitySnapshot e : store.equitySince(Instant.EPOCH)) points.put(e.time(), e.equity());
        EquityCurve curve = new EquityCurve(true);
        points.forEach(curve::add);
        return curve;
    }

    /** {@code part} as a percentage of {@code whole}, to four decimals; zero of nothing. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) return BigDecimal.ZERO;
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_EVEN);
    }

    static List<EquityPoint> sample(EquityCurve curve) {
        int n = curve.size();
        List<EquityPoint> out = new ArrayList<>();
        if (n == 0) return out;
        int stride = Math.max(1, (n + MAX_CURVE_POINTS - 1) / MAX_CURVE_POINTS);
        for (int i = 0; i < n; i += stride) out.add(new EquityPoint(curve.time(i), curve.equity(i)));
        if ((n - 1) % stride != 0) out.add(new EquityPoint(curve.time(n - 1), curve.equity(n - 1)));
        return out;
    }
}
