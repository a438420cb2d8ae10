package io.tradekit.core.report;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Side;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.EquityPoint;
import io.tradekit.core.ExitReason;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.internal.Results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures a trader reads a run by, each defined here once. Money is exact (BigDecimal); the ratios
 * are statistics and are doubles, NaN where the figure has no value (shown as {@code n/a}, written as
 * {@code null}). The run's <em>period</em> goes from the first bar's open (one bar before the first equity
 * mark, which is made at a bar's close) to the last mark (the last bar's close); a year is 365 days.
 *
 * @param buyAndHoldReturnPct  the price's change from the first bar's open to the last bar's close, in percent,
 *                             without fees: what holding the asset over the same bars gave; empty without the bars
 * @param profitFactor         the sum of the winning round trips' net PnL over the absolute sum of the losing ones';
 *                             NaN when no round trip lost
 * @param expectancy           the mean net PnL of a round trip (zero without round trips)
 * @param cagr                 the compound annual growth rate, a fraction: {@code (finalEquity / initialCash)^(365 days / period) - 1};
 *                             NaN over an empty period
 * @param sortino              the result's Sortino ratio (per-bar returns, see {@link BacktestResult})
 * @param calmar               {@code cagr} over the maximum drawdown (both fractions); NaN without a drawdown
 * @param averageTradeDuration the mean time from a round trip's entry to its exit (zero without round trips)
 * @param exposure             the fraction of the period in which the fills left a position open (buys add, sells subtract)
 * @param tradesPerDay         round trips per day of the period; NaN over an empty period
 * @param exitReasons          round trips by what closed them, every reason listed
 * @param returnsByDay         each UTC day's closing equity and return (from the result's day closes)
 * @param returnsByMonth       the same per calendar month; empty when the run stays within one month
 */
public record TraderFigures(Optional<BigDecimal> buyAndHoldReturnPct, double profitFactor, BigDecimal expectancy, double cagr,
                            double sortino, double calmar, Duration averageTradeDuration, double exposure, double tradesPerDay,
                            Map<ExitReason, Long> exitReasons, List<PeriodReturn> returnsByDay, List<PeriodReturn> returnsByMonth) {

    private static final double DAY_SECONDS = 86_400.0;
    private static final double YEAR_SECONDS = 365 * DAY_SECONDS;

    /**
     * Copies the map and lists.
     *
     * @throws NullPointerException if the map, a list or an element is null
     */
    public TraderFigures {
        exitReasons = Collections.unmodifiableMap(new EnumMap<>(exitReasons));
        returnsByDay = List.copyOf(returnsByDay);
        returnsByMonth = List.copyOf(returnsByMonth);
    }

    /**
     * The figures of {@code result}; {@code bars} are the bars it ran over (empty if not at hand: no buy-and-hold).
     *
     * @param result the run's result
     * @param bars the bars it ran over, oldest first; may be empty
     * @return the figures
     */
    public static TraderFigures of(BacktestResult result, List<Bar> bars) {
        List<RoundTrip> trips = result.roundTrips();
        Instant start = periodStart(result);
        Instant end = result.equityCurve().isEmpty() ? start : result.equityCurve().getLast().time();
        double periodSeconds = Duration.between(start, end).toMillis() / 1000.0;

        BigDecimal won = BigDecimal.ZERO;
        BigDecimal lost = BigDecimal.ZERO;
        Duration held = Duration.ZERO;
        Map<ExitReason, Long> reasons = new EnumMap<>(ExitReason.class);
        for (ExitReason reason : ExitReason.values()) reasons.put(reason, 0L);
        for (RoundTrip t : trips) {
            if (t.pnl().signum() > 0) won = won.add(t.pnl());
            else if (t.pnl().signum() < 0) lost = lost.add(t.pnl().negate());
            held = held.plus(Duration.between(t.entryTime(), t.exitTime()));
            reasons.merge(t.exitReason(), 1L, Long::sum);
        }
        double profitFactor = lost.signum() == 0 ? Double.NaN : won.divide(lost, MathContext.DECIMAL64).doubleValue();
        BigDecimal expectancy = trips.isEmpty() ? BigDecimal.ZERO
                : won.subtract(lost).divide(BigDecimal.valueOf(trips.size()), MathContext.DECIMAL64);
        Duration averageTradeDuration = trips.isEmpty() ? Duration.ZERO : held.dividedBy(trips.size());

        double cagr = Double.NaN;
        if (periodSeconds > 0 && result.initialCash().signum() > 0) {
            double growth = result.finalEquity().divide(result.initialCash(), MathContext.DECIMAL64).doubleValue();
            cagr = growth <= 0 ? -1.0 : Math.pow(growth, YEAR_SECONDS / periodSeconds) - 1.0;
        }
        double drawdown = result.maxDrawdownPct().doubleValue() / 100.0;
        double calmar = drawdown > 0 ? cagr / drawdown : Double.NaN;

        return new TraderFigures(buyAndHold(bars), profitFactor, expectancy, cagr, result.sortino(), calmar, averageTradeDuration,
                periodSeconds > 0 ? exposure(result.fills(), start, end) / periodSeconds : 0.0,
                periodSeconds > 0 ? trips.size() / (periodSeconds / DAY_SECONDS) : Double.NaN,
                reasons, byDay(result), byMonth(result));
    }

    /** One bar before the first equity mark: the first bar's open. */
    private static Instant periodStart(BacktestResult result) {
        if (result.equityCurve().isEmpty()) return Instant.EPOCH;
        return result.equityCurve().getFirst().time().minus(result.timeframe().duration());
    }

    private static Optional<BigDecimal> buyAndHold(List<Bar> bars) {
        if (bars.isEmpty() || bars.getFirst().open().signum() <= 0) return Optional.empty();
        BigDecimal first = bars.getFirst().open();
        return Optional.of(Results.percent(bars.getLast().close().subtract(first), first));
    }

    /** Seconds within {@code [start, end]} in which the position the fills build up is not zero. */
    private static double exposure(List<Fill> fills, Instant start, Instant end) {
        BigDecimal position = BigDecimal.ZERO;
        Instant openedAt = null;
        long millis = 0;
        for (Fill f : fills) {
            position = f.side() == Side.BUY ? position.add(f.quantity()) : position.subtract(f.quantity());
            if (position.signum() != 0 && openedAt == null) {
                openedAt = f.time();
            } else if (position.signum() == 0 && openedAt != null) {
                millis += clippedMillis(openedAt, f.time(), start, end);
                openedAt = null;
            }
        }
        if (openedAt != null) millis += clippedMillis(openedAt, end, start, end);
        return millis / 1000.0;
    }

    private static long clippedMillis(Instant from, Instant to, Instant start, Instant end) {
        Instant a = from.isBefore(start) ? start : from;
        Instant b = to.isAfter(end) ? end : to;
        return b.isAfter(a) ? Duration.between(a, b).toMillis() : 0;
    }

    private static List<PeriodReturn> byDay(BacktestResult result) {
        List<PeriodReturn> out = new ArrayList<>();
        BigDecimal previous = result.initialCash();
        for (EquityPoint close : result.dayCloses()) {
            out.add(new PeriodReturn(day(close.time()).toString(), close.equity(), Results.percent(close.equity().subtract(previous), previous)));
            previous = close.equity();
        }
        return out;
    }

    private static List<PeriodReturn> byMonth(BacktestResult result) {
        List<EquityPoint> closes = new ArrayList<>();
        List<YearMonth> months = new ArrayList<>();
        for (EquityPoint close : result.dayCloses()) {
            YearMonth month = YearMonth.from(day(close.time()));
            if (!months.isEmpty() && months.getLast().equals(month)) {
                closes.set(closes.size() - 1, close);
            } else {
                months.add(month);
                closes.add(close);
            }
        }
        if (months.size() < 2) return List.of();
        List<PeriodReturn> out = new ArrayList<>();
        BigDecimal previous = result.initialCash();
        for (int i = 0; i < months.size(); i++) {
            BigDecimal equity = closes.get(i).equity();
            out.add(new PeriodReturn(months.get(i).toString(), equity, Results.percent(equity.subtract(previous), previous)));
            previous = equity;
        }
        return out;
    }

    /** The UTC day a mark closes: a mark at midnight closes the day before. */
    private static LocalDate day(Instant mark) {
        return LocalDate.ofInstant(mark.minusMillis(1), ZoneOffset.UTC);
    }
}
