package io.tradekit.examples.modes;

import io.tradekit.api.Bar;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.report.ReportWriter;
import io.tradekit.grid.GridReport;
import io.tradekit.grid.GridStrategy;
import io.tradekit.strategies.confluence.Confluence;
import io.tradekit.strategies.confluence.ConfluenceReport;

import io.tradekit.core.report.ReportMetric;
import io.tradekit.core.report.ReportSection;
import io.tradekit.core.report.ReportTable;
import io.tradekit.risk.Correlation;
import io.tradekit.risk.PairCorrelation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a run, the same for every command (backtest, replay, paper, live, dry-run): the result's
 * figures over the bars it ran on, the grid's section when the strategy is the grid, and the confluence's decisions
 * when it is a confluence.
 */
public final class RunReport {

    private RunReport() {
    }

    /**
     * The report of one run: the figures over {@code bars}, plus the grid's section when the strategy is the grid
     * and the confluence's decisions when it is a confluence.
     *
     * @param result the run's figures
     * @param strategy the instance that ran (read after the run: its views are the loop's), or null when only its
     *        name is known
     * @param bars the bars it went over
     * @return the report, not yet written
     */
    public static ReportWriter of(BacktestResult result, Strategy strategy, List<Bar> bars) {
        ReportWriter report = ReportWriter.of(result, bars);
        if (strategy instanceof GridStrategy grid) report.section(GridReport.section(grid, result, bars));
        if (strategy instanceof Confluence confluence) report.section(ConfluenceReport.section(confluence));
        return report;
    }

    /** The section id of {@link #correlations}. */
    public static final String CORRELATION_SECTION = "pairCorrelation";

    /**
     * How the pairs of a run over several pairs moved together: for every two pairs, the Pearson correlation of their
     * bar-to-bar returns over the bar times both have (tradekit-risk's {@link Correlation}, the figure its risk report
     * uses for held pairs), with the number of returns it rests on. A correlation near 1 means the pairs' positions
     * are in effect one bet.
     *
     * @param barsBySymbol each pair's bars, oldest first
     * @return a section with the number of pairs compared, the most correlated pair and a table of every pair;
     *         "n/a" where a correlation cannot be computed
     */
    public static ReportSection correlations(Map<String, List<Bar>> barsBySymbol) {
        int longest = barsBySymbol.values().stream().mapToInt(List::size).max().orElse(0);
        List<List<String>> rows = new ArrayList<>();
        PairCorrelation highest = null;
        for (PairCorrelation c : Correlation.pairs(barsBySymbol, Math.max(2, longest))) {
            rows.add(List.of(c.first(), c.second(), Integer.toString(c.observations()), figure(c)));
            if (!Double.isNaN(c.correlation()) && (highest == null || c.correlation() > highest.correlation())) highest = c;
        }
        List<ReportMetric> metrics = List.of(new ReportMetric("pairsCompared", "pairs compared", rows.size(), ReportMetric.Unit.COUNT),
                new ReportMetric("highest", "most correlated", highest == null ? "n/a"
                        : highest.first() + " / " + highest.second() + " " + figure(highest), ReportMetric.Unit.TEXT));
        return new ReportSection(CORRELATION_SECTION, "Correlation between pairs", metrics, List.of(),
                List.of(new ReportTable("returns correlation over the run", List.of("pair", "with", "returns", "correlation"), rows)));
    }

    private static String figure(PairCorrelation c) {
        return Double.isNaN(c.correlation()) ? "n/a" : String.format(Locale.ROOT, "%.4f", c.correlation());
    }
}
