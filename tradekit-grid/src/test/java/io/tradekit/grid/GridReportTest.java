package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Side;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import io.tradekit.core.report.LevelLine;
import io.tradekit.core.report.PriceChart;
import io.tradekit.core.report.ReportMetric;
import io.tradekit.core.report.ReportSection;
import io.tradekit.core.report.ReportTable;
import io.tradekit.core.report.TradeMarker;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid's part of a report: its figures, the parameters it ran with, its levels over time and its fills. */
class GridReportTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static GridSettings.Builder fiveLevels() {
        return GridSettings.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2)
                .sizePerLevel(BigDecimal.ONE).sizeMode(SizeMode.BASE).postOnly(false);
    }

    private static BacktestResult run(GridStrategy grid, List<Bar> bars) {
        return TradeKit.backtest().bars(bars).instrument(PricePath.BTC).strategy(grid).cash(d("1000")).fees(d("10"), d("20")).run();
    }

    private static Map<String, Object> values(ReportSection section) {
        return section.metrics().stream().collect(Collectors.toMap(ReportMetric::key, ReportMetric::value));
    }

    private static Map<String, ReportTable> tables(ReportSection section) {
        return section.tables().stream().collect(Collectors.toMap(t -> t.title(), Function.identity()));
    }

    private static List<String> lines(PriceChart chart) {
        return chart.levels().stream().map(l -> BigDecimal.valueOf(l.price()).stripTrailingZeros().toPlainString() + " "
                + minutes(l.from()) + ".." + minutes(l.to())).toList();
    }

    private static long minutes(Instant t) {
        return (t.getEpochSecond() - PricePath.T0.getEpochSecond()) / 60;
    }

    @Test
    void theSectionHoldsTheHandComputedPathsFiguresTheGridsParametersItsLevelsAndItsFills() {
        // The path of GridBacktestTest: 8 fills, 4 round trips, profit 3.6005, fees 1.0995, 1 BTC still held.
        List<Bar> bars = PricePath.start()
                .bar("100   100   100   100")
                .bar("100   100.5  98.8  99.2")
                .bar("99.2  100.3  99.1 100.1")
                .bar("100.1 101.5 100   101.2")
                .bar("99.5   99.6  98.5  98.7")
                .bar("98.7  101.3  98.6 101.1")
                .bars();
        GridStrategy grid = new GridStrategy(fiveLevels().rebalancing(new Rebalancing(RebalanceMode.HOLD, 1, 0)).build());
        BacktestResult r = run(grid, bars);
        ReportSection section = GridReport.section(grid, r, bars);

        assertThat(section.id()).isEqualTo("grid");
        Map<String, Object> v = values(section);
        assertThat(v.get("roundTrips")).isEqualTo(4L);
        assertThat((BigDecimal) v.get("gridProfit")).isEqualByComparingTo("3.6005");
        assertThat((BigDecimal) v.get("fees")).isEqualByComparingTo("1.0995");
        assertThat((BigDecimal) v.get("maxInventory")).isEqualByComparingTo("3");
        assertThat((BigDecimal) v.get("finalInventory")).isEqualByComparingTo("1");
        assertThat(v.get("retries")).isEqualTo(0L);
        assertThat(v.get("phase")).isEqualTo("RUNNING");
        assertThat((BigDecimal) v.get("spacing")).isEqualByComparingTo("1");
        assertThat(v).containsEntry("spacingUnit", "absolute").containsEntry("spacingMode", "arithmetic").containsEntry("spacingFrom", "given")
                .containsEntry("levelsDown", 2).containsEntry("levelsUp", 2).containsEntry("levels", 5).containsEntry("levelsFrom", "given")
                .containsEntry("sizeMode", "base").doesNotContainKey("budget");
        assertThat((BigDecimal) v.get("sizePerLevel")).isEqualByComparingTo("1");
        assertThat((BigDecimal) v.get("center")).isEqualByComparingTo("100");
        assertThat((BigDecimal) v.get("lowestLevel")).isEqualByComparingTo("98");
        assertThat((BigDecimal) v.get("highestLevel")).isEqualByComparingTo("102");

        PriceChart chart = (PriceChart) section.charts().getFirst();
        assertThat(section.charts()).hasSize(1); // six bars need no close-up
        // Built when bar 0 closed (minute 1); standing until the data ended (minute 6).
        assertThat(lines(chart)).containsExactly("98 1..6", "99 1..6", "100 1..6", "101 1..6", "102 1..6");
        assertThat(chart.markers()).extracting(m -> m.side() + "@" + BigDecimal.valueOf(m.price()).stripTrailingZeros().toPlainString())
                // b4 gaps down to its open 99.5, where the buy at 100 fills, before the path goes down through 99
                .containsExactly("BUY@100", "BUY@99", "SELL@100", "SELL@101", "BUY@99.5", "BUY@99", "SELL@100", "SELL@101");
        assertThat(chart.markers()).extracting(TradeMarker::time).isEqualTo(r.fills().stream().map(f -> f.time()).toList());
        assertThat(chart.prices()).hasSize(4 * bars.size());
        assertThat(chart.prices().get(5).value()).as("bar 1 fell: open, high, low, close").isEqualTo(100.5);
        assertThat(chart.prices().get(6).value()).isEqualTo(98.8);

        ReportTable trips = tables(section).get("Grid round trips");
        assertThat(trips.rows()).extracting(row -> row.get(2) + " " + row.get(3) + "->" + row.get(4) + " " + row.get(7))
                .containsExactly("1 99->100 0.80", "2 100->101 0.70", "1 99->100 0.80", "2 99.5->101 1.30");
        assertThat(tables(section).get("Grids laid out").rows()).containsExactly(
                List.of("1", "2024-01-01 00:01", "still standing", "100", "98", "102", "5"));
    }

    @Test
    void aRecenterEndsTheOldGridsLinesWhereTheNewGridsBegin() {
        List<Bar> bars = PricePath.start()
                .bar("100   100   100   100")
                .bar("100   101.2  99.9 101.1")
                .bar("101.1 102.3 101   102.2")
                .bar("102.2 103.1 102.1 103")     // one level past 102, 3 bars after the build: recenter at 103
                .bar("103   103.2 102.8 103.1")
                .bars();
        GridStrategy grid = new GridStrategy(fiveLevels().rebalancing(new Rebalancing(RebalanceMode.RECENTER, 1, 3)).build());
        BacktestResult r = run(grid, bars);
        ReportSection section = GridReport.section(grid, r, bars);

        assertThat(grid.builds()).hasSize(2);
        assertThat(grid.builds().get(0).takenDownAt()).contains(PricePath.closeOf(3));
        assertThat(grid.builds().get(1).builtAt()).isEqualTo(PricePath.closeOf(3));
        assertThat(lines((PriceChart) section.charts().getFirst())).containsExactly(
                "98 1..4", "99 1..4", "100 1..4", "101 1..4", "102 1..4",
                "101 4..5", "102 4..5", "103 4..5", "104 4..5", "105 4..5");
        assertThat(values(section)).containsEntry("recenters", 1L);
        assertThat(tables(section).get("Grids laid out").rows()).extracting(row -> row.get(1) + " " + row.get(2) + " " + row.get(3))
                .containsExactly("2024-01-01 00:01 2024-01-01 00:04 100", "2024-01-01 00:04 still standing 103");
    }

    @Test
    void aFlattenedGridsLinesEndAtTheFlatten() {
        List<Bar> bars = PricePath.start()
                .bar("100 100    100   100")
                .bar("100 100.2   98.9  99")
                .bar("99   99.1   97.9  98")
                .bar("98   98.1   96.4  96.5")   // stop-price 97: flatten
                .bar("96.5 99     96    98.5")
                .bars();
        GridStrategy grid = new GridStrategy(fiveLevels().rebalancing(new Rebalancing(RebalanceMode.HOLD, 1, 0))
                .limits(GridRiskLimits.none().withStopPrice(d("97"))).build());
        BacktestResult r = run(grid, bars);
        ReportSection section = GridReport.section(grid, r, bars);

        assertThat(values(section)).containsEntry("phase", "FLATTENED");
        assertThat((BigDecimal) values(section).get("finalInventory")).isEqualByComparingTo("0");
        PriceChart chart = (PriceChart) section.charts().getFirst();
        assertThat(chart.levels()).extracting(LevelLine::to).containsOnly(PricePath.closeOf(3));
        assertThat(chart.markers()).last().extracting(TradeMarker::side).isEqualTo(Side.SELL); // core's closing sell of 4
    }
}
