package io.tradekit.core.report;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Side;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.report.ReportMetric.Unit;
import io.tradekit.core.report.internal.Decimals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The per-pair table of a run over several pairs: one {@link PairFigures} per pair, in the order the pairs
 * were given (the result's {@code symbol} is them joined by commas), and the total. {@link ReportWriter} puts
 * it in {@code summary.json} under {@code pairs} and, with each pair's price and fills, in {@code report.html}.
 *
 * <pre>{@code PairReport table = PairReport.of(result, barsBySymbol);}</pre>
 *
 * @param pairs one row per pair, in the order the pairs were given
 * @param total the row over every pair
 */
public record PairReport(List<PairFigures> pairs, PairFigures total) {

    /** The symbol of the total row. */
    public static final String TOTAL = "total";

    /**
     * Copies the rows.
     *
     * @throws NullPointerException if {@code pairs}, a row or {@code total} is null
     */
    public PairReport {
        pairs = List.copyOf(pairs);
        Objects.requireNonNull(total, "total");
    }

    /**
     * Whether {@code result} is of a run over several pairs.
     *
     * @param result a run's result
     * @return true when its symbol names several pairs, separated by commas
     */
    public static boolean isMultiPair(BacktestResult result) {
        return result.symbol().contains(",");
    }

    /**
     * The table of {@code result}, whose run went over {@code barsBySymbol}: the run spans from the first bar's open
     * to the last bar's close (without bars, from the first to the last point of the equity curve).
     *
     * @param result the run's result
     * @param barsBySymbol the bars the run went over, by symbol; may be empty
     * @return the table
     */
    public static PairReport of(BacktestResult result, Map<String, List<Bar>> barsBySymbol) {
        Instant from = null;
        Instant to = null;
        for (List<Bar> bars : barsBySymbol.values()) {
            if (bars.isEmpty()) continue;
            if (from == null || bars.getFirst().openTime().isBefore(from)) from = bars.getFirst().openTime();
            if (to == null || bars.getLast().closeTime().isAfter(to)) to = bars.getLast().closeTime();
        }
        if (from == null && !result.equityCurve().isEmpty()) {
            from = result.equityCurve().getFirst().time();
            to = result.equityCurve().getLast().time();
        }
        if (from == null) from = to = Instant.EPOCH;
        Duration span = Duration.between(from, to);
        List<PairFigures> rows = new ArrayList<>();
        List<Instant[]> everyHolding = new ArrayList<>();
        for (String symbol : result.symbol().split(",")) {
            List<Fill> fills = result.fills().stream().filter(f -> f.symbol().equals(symbol)).toList();
            List<RoundTrip> trips = result.roundTrips().stream().filter(t -> t.symbol().equals(symbol)).toList();
            List<Instant[]> held = holdings(fills, to);
            everyHolding.addAll(held);
            rows.add(figures(symbol, fills, trips, held, span));
        }
        List<Fill> allFills = result.fills();
        return new PairReport(rows, figures(TOTAL, allFills, result.roundTrips(), union(everyHolding), span));
    }

    private static PairFigures figures(String symbol, List<Fill> fills, List<RoundTrip> trips, List<Instant[]> held, Duration span) {
        BigDecimal realized = BigDecimal.ZERO;
        int wins = 0;
        for (RoundTrip t : trips) {
            realized = realized.add(t.pnl());
            if (t.isWin()) wins++;
        }
        BigDecimal fees = BigDecimal.ZERO;
        for (Fill f : fills) fees = fees.add(feeInQuote(f));
        Duration exposure = Duration.ZERO;
        for (Instant[] h : held) exposure = exposure.plus(Duration.between(h[0], h[1]));
        BigDecimal pct = span.isZero() ? BigDecimal.ZERO : BigDecimal.valueOf(exposure.toMillis()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(span.toMillis()), MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_EVEN);
        return new PairFigures(symbol, fills.size(), trips.size(), realized, trips.isEmpty() ? 0.0 : wins / (double) trips.size(),
                exposure, pct, fees);
    }

    /** A fee in the base asset (the symbol does not end with it) is worth its quantity at the fill's price. */
    private static BigDecimal feeInQuote(Fill f) {
        return f.symbol().endsWith(f.feeAsset()) ? f.fee() : f.fee().multiply(f.price());
    }

    /** The spans a pair held a position: from a fill that left zero to the fill that came back to it (or {@code end}). */
    private static List<Instant[]> holdings(List<Fill> fills, Instant end) {
        List<Instant[]> out = new ArrayList<>();
        BigDecimal quantity = BigDecimal.ZERO;
        Instant openedAt = null;
        for (Fill f : fills) {
            BigDecimal before = quantity;
            quantity = quantity.add(f.side() == Side.BUY ? f.quantity() : f.quantity().negate());
            if (before.signum() == 0 && quantity.signum() != 0) openedAt = f.time();
            if (before.signum() != 0 && quantity.signum() == 0) out.add(new Instant[]{openedAt, f.time()});
        }
        if (quantity.signum() != 0 && openedAt != null && end.isAfter(openedAt)) out.add(new Instant[]{openedAt, end});
        return out;
    }

    private static List<Instant[]> union(List<Instant[]> spans) {
        List<Instant[]> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing((Instant[] s) -> s[0]));
        List<Instant[]> out = new ArrayList<>();
        for (Instant[] s : sorted) {
            Instant[] last = out.isEmpty() ? null : out.getLast();
            if (last != null && !s[0].isAfter(last[1])) {
                if (s[1].isAfter(last[1])) last[1] = s[1];
            } else {
                out.add(Arrays.copyOf(s, 2));
            }
        }
        return out;
    }

    /** The report section: the total as metrics, the table, and each pair's price with its fills. */
    ReportSection section(BacktestResult result, Map<String, List<Bar>> barsBySymbol, String quoteAsset) {
        List<ReportMetric> metrics = List.of(
                new ReportMetric("trades", "trades", total.trades(), Unit.COUNT),
                new ReportMetric("roundTrips", "round trips", total.roundTrips(), Unit.COUNT),
                new ReportMetric("realizedPnl", "realized PnL", total.realizedPnl(), Unit.MONEY),
                new ReportMetric("winRate", "win rate", total.winRate(), Unit.FRACTION),
                new ReportMetric("exposurePct", "exposure", total.exposurePct(), Unit.PERCENT),
                new ReportMetric("fees", "fees", total.fees(), Unit.MONEY));
        List<List<String>> rows = new ArrayList<>();
        for (PairFigures p : pairs) rows.add(row(p));
        rows.add(row(total));
        ReportTable table = new ReportTable("Per pair", List.of("pair", "trades", "round trips", "realized PnL", "win rate",
                "exposure", "exposure time", "fees"), rows);
        List<PriceChart> charts = new ArrayList<>();
        for (PairFigures p : pairs) {
            List<Bar> bars = barsBySymbol.getOrDefault(p.symbol(), List.of());
            if (bars.isEmpty()) continue;
            charts.add(new PriceChart(p.symbol() + " price and fills", quoteAsset, PriceChart.path(bars), List.of(),
                    TradeMarker.ofFills(result.fills().stream().filter(f -> f.symbol().equals(p.symbol())).toList())));
        }
        return new ReportSection("pairs", "Pairs", metrics, charts, List.of(table));
    }

    private static List<String> row(PairFigures p) {
        return List.of(p.symbol(), String.valueOf(p.trades()), String.valueOf(p.roundTrips()), Decimals.trimmed(p.realizedPnl(), 8),
                String.format(java.util.Locale.ROOT, "%.2f %%", p.winRate() * 100), Decimals.trimmed(p.exposurePct(), 2) + " %",
                new ReportMetric("exposure", "exposure", p.exposure(), Unit.DURATION).display(), Decimals.trimmed(p.fees(), 8));
    }
}
