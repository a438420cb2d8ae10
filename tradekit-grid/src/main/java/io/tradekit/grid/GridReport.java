package io.tradekit.grid;

import io.tradekit.grid.internal.GridShape;
import io.tradekit.api.Bar;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.report.ChartPoint;
import io.tradekit.core.report.LevelLine;
import io.tradekit.core.report.PriceChart;
import io.tradekit.core.report.ReportMetric;
import io.tradekit.core.report.ReportMetric.Unit;
import io.tradekit.core.report.ReportSection;
import io.tradekit.core.report.ReportTable;
import io.tradekit.core.report.TradeMarker;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The grid's part of a backtest report, as a {@link ReportSection} with the id {@value #SECTION_ID}:
 * in {@code summary.json} the grid's figures ({@link GridStats}) and the parameters it really ran with,
 * whether given or proposed by the {@link GridHeuristic}; in {@code report.html} the same figures, the
 * price with every grid's levels (each over the time it stood) and the fills (buys and sells apart), a
 * table of the grids laid out and one of the round trips.
 *
 * <pre>{@code GridStrategy grid = new GridStrategy(settings);
 * BacktestResult result = TradeKit.backtest().bars(bars).strategy(grid).run();
 * ReportWriter.of(result, bars).section(GridReport.section(grid, result, bars)).write(dir);}</pre>
 */
public final class GridReport {

    /** The section's id in the report, and its key in {@code summary.json}. */
    public static final String SECTION_ID = "grid";
    /** The bars of the close-up at the end of a long run, where single levels and fills can be told apart. */
    static final int DETAIL_BARS = 240;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private GridReport() {
    }

    /**
     * The section of a run of {@code grid} that gave {@code result} over {@code bars}. Read it after the
     * run: the strategy's views are the loop's.
     *
     * @param grid   the strategy instance the backtest ran
     * @param result the backtest's result: its fills and equity
     * @param bars   the bars the backtest ran over, oldest first
     * @return the section, to add to a report writer
     */
    public static ReportSection section(GridStrategy grid, BacktestResult result, List<Bar> bars) {
        List<ReportMetric> metrics = new ArrayList<>();
        GridStats stats = grid.stats();
        metrics.add(new ReportMetric("phase", "phase", grid.phase().name(), Unit.TEXT));
        metrics.add(new ReportMetric("roundTrips", "grid round trips", stats.roundTrips(), Unit.COUNT));
        metrics.add(new ReportMetric("gridProfit", "grid profit (net of fees)", stats.gridProfit(), Unit.MONEY));
        metrics.add(new ReportMetric("fees", "grid fees", stats.fees(), Unit.MONEY));
        metrics.add(new ReportMetric("maxInventory", "max inventory", stats.maxInventory(), Unit.QUANTITY));
        metrics.add(new ReportMetric("finalInventory", "final inventory", stats.inventory(), Unit.QUANTITY));
        metrics.add(new ReportMetric("rejections", "orders refused or rejected", stats.rejections(), Unit.COUNT));
        metrics.add(new ReportMetric("retries", "retries", stats.retries(), Unit.COUNT));
        metrics.add(new ReportMetric("pendingRetries", "levels waiting to retry", (long) stats.pendingRetries(), Unit.COUNT));
        metrics.add(new ReportMetric("recenters", "recenters", (long) stats.recenters(), Unit.COUNT));
        grid.ladder().ifPresent(ladder -> parameters(metrics, grid.settings(), ladder));

        String quote = grid.ladder().map(l -> l.instrument().quoteAsset()).orElse("");
        Instant end = bars.isEmpty() ? Instant.EPOCH : bars.getLast().closeTime();
        List<GridBuild> builds = grid.builds();
        List<LevelLine> levels = levels(builds, end);
        List<TradeMarker> markers = TradeMarker.ofFills(result.fills());
        List<PriceChart> charts = new ArrayList<>();
        charts.add(new PriceChart("Price, grid levels and fills", quote, PriceChart.path(bars), levels, markers));
        if (bars.size() >= 2 * DETAIL_BARS) charts.add(detail(bars.subList(bars.size() - DETAIL_BARS, bars.size()), levels, markers, quote));
        return new ReportSection(SECTION_ID, "Grid", metrics, charts, List.of(buildsTable(builds), roundTripsTable(grid, stats)));
    }

    /** The parameters the last grid ran with, and where spacing and levels came from. */
    private static void parameters(List<ReportMetric> m, GridSettings settings, GridLadder ladder) {
        GridShape c = ladder.shape();
        boolean percent = c.spacingUnit() == SpacingUnit.PERCENT;
        m.add(new ReportMetric("spacing", "spacing", c.spacing(), percent ? Unit.PERCENT : Unit.PRICE));
        m.add(new ReportMetric("spacingUnit", "spacing unit", lower(c.spacingUnit()), Unit.TEXT));
        m.add(new ReportMetric("spacingMode", "spacing mode", lower(c.spacingMode()), Unit.TEXT));
        m.add(new ReportMetric("spacingFrom", "spacing from", spacingSource(settings), Unit.TEXT));
        m.add(new ReportMetric("levelsDown", "levels below the centre", c.levelsDown(), Unit.COUNT));
        m.add(new ReportMetric("levelsUp", "levels above the centre", c.levelsUp(), Unit.COUNT));
        m.add(new ReportMetric("levels", "levels in the grid", ladder.size(), Unit.COUNT));
        m.add(new ReportMetric("levelsFrom", "levels from", levelsSource(settings), Unit.TEXT));
        m.add(new ReportMetric("sizePerLevel", "size per level", sizePerLevel(ladder), c.sizing().mode() == SizeMode.QUOTE ? Unit.MONEY : Unit.QUANTITY));
        m.add(new ReportMetric("sizeMode", "size mode", lower(c.sizing().mode()), Unit.TEXT));
        if (c.sizing() instanceof LevelSizing.Budget budget) m.add(new ReportMetric("budget", "budget", budget.amount(), Unit.MONEY));
        m.add(new ReportMetric("center", "centre", ladder.center(), Unit.PRICE));
        m.add(new ReportMetric("lowestLevel", "lowest level", ladder.lowest(), Unit.PRICE));
        m.add(new ReportMetric("highestLevel", "highest level", ladder.highest(), Unit.PRICE));
    }

    /** What one level trades: the size given, or the budget's share (quote), or the equal base quantity. */
    private static BigDecimal sizePerLevel(GridLadder ladder) {
        LevelSizing sizing = ladder.shape().sizing();
        return switch (sizing) {
            case LevelSizing.PerLevel p -> p.amount();
            case LevelSizing.Budget b when b.mode() == SizeMode.QUOTE ->
                    b.amount().divide(BigDecimal.valueOf(ladder.pairs()), MathContext.DECIMAL64).stripTrailingZeros();
            case LevelSizing.Budget b -> ladder.quantity(0);
        };
    }

    private static String spacingSource(GridSettings s) {
        String from = s.spacing().isPresent() ? "given"
                : s.lower().isPresent() && s.upper().isPresent() && s.levelsDown().isPresent() && s.levelsUp().isPresent() ? "lower/upper and levels"
                : "heuristic";
        return s.adaptive().isPresent() ? from + ", blended with ATR" : from;
    }

    private static String levelsSource(GridSettings s) {
        if (s.levelsDown().isPresent() && s.levelsUp().isPresent()) return "given";
        if (s.lower().isPresent() || s.upper().isPresent()) return s.levelsDown().isPresent() || s.levelsUp().isPresent()
                ? "given and lower/upper" : "lower/upper";
        return "heuristic";
    }

    /**
     * The last bars up close: only the levels near their range (so that the price is not squeezed by a
     * wide grid), and the fills among them.
     */
    private static PriceChart detail(List<Bar> window, List<LevelLine> levels, List<TradeMarker> markers, String quote) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Bar b : window) {
            low = Math.min(low, b.low().doubleValue());
            high = Math.max(high, b.high().doubleValue());
        }
        double margin = (high - low) * 0.25;
        Instant from = window.getFirst().openTime();
        Instant to = window.getLast().closeTime();
        List<LevelLine> near = new ArrayList<>();
        for (LevelLine l : levels) {
            if (l.price() >= low - margin && l.price() <= high + margin && !l.to().isBefore(from)) near.add(l);
        }
        List<TradeMarker> inside = new ArrayList<>();
        for (TradeMarker m : markers) {
            if (!m.time().isBefore(from) && !m.time().isAfter(to)) inside.add(m);
        }
        return new PriceChart("The last " + window.size() + " bars up close", quote, PriceChart.path(window), near, inside);
    }

    private static List<LevelLine> levels(List<GridBuild> builds, Instant end) {
        List<LevelLine> lines = new ArrayList<>();
        for (GridBuild b : builds) {
            Instant until = b.takenDownAt().orElse(end.isBefore(b.builtAt()) ? b.builtAt() : end);
            for (GridLevel level : b.ladder().levels()) lines.add(new LevelLine(level.price().doubleValue(), b.builtAt(), until));
        }
        return lines;
    }

    private static ReportTable buildsTable(List<GridBuild> builds) {
        List<List<String>> rows = new ArrayList<>(builds.size());
        int n = 0;
        for (GridBuild b : builds) {
            GridLadder l = b.ladder();
            rows.add(List.of(String.valueOf(++n), TIME.format(b.builtAt()), b.takenDownAt().map(TIME::format).orElse("still standing"),
                    plain(l.center()), plain(l.lowest()), plain(l.highest()), String.valueOf(l.size())));
        }
        String title = builds.size() == GridStrategy.KEPT_BUILDS ? "Grids laid out (the last " + GridStrategy.KEPT_BUILDS + ")" : "Grids laid out";
        return new ReportTable(title, List.of("#", "built", "taken down", "centre", "lowest level", "highest level", "levels"), rows);
    }

    private static ReportTable roundTripsTable(GridStrategy grid, GridStats stats) {
        List<GridRoundTrip> trips = grid.roundTrips();
        long first = stats.roundTrips() - trips.size();
        List<List<String>> rows = new ArrayList<>(trips.size());
        for (int i = 0; i < trips.size(); i++) {
            GridRoundTrip t = trips.get(i);
            rows.add(List.of(String.valueOf(first + i + 1), TIME.format(t.closedAt()), String.valueOf(t.pair()), plain(t.buyPrice()),
                    plain(t.sellPrice()), plain(t.quantity()), money(t.fees()), money(t.profit())));
        }
        String title = first > 0 ? "Grid round trips (the last " + trips.size() + " of " + stats.roundTrips() + ")" : "Grid round trips";
        return new ReportTable(title, List.of("#", "closed", "pair", "buy", "sell", "quantity", "fees", "profit"), rows);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String plain(BigDecimal v) {
        BigDecimal r = v.stripTrailingZeros();
        return (r.scale() < 0 ? r.setScale(0) : r).toPlainString();
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
