package io.tradekit.examples.modes;

import io.tradekit.api.Bar;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.report.ReportWriter;
import io.tradekit.grid.GridReport;
import io.tradekit.grid.GridStrategy;
import io.tradekit.strategies.confluence.Confluence;
import io.tradekit.strategies.confluence.ConfluenceReport;

import java.util.List;

/**
 * The report of a run, the same for every command (backtest, replay, paper, live, dry-run): the result's
 * figures over the bars it ran on, the grid's section when the strategy is the grid, and the confluence's decisions
 * when it is a confluence.
 */
public final class RunReport {

    private RunReport() {
    }

    /**
     * {@code strategy} is the instance that ran (read after the run: its views are the loop's), or null
     * when only its name is known; {@code bars} the bars it went over.
     */
    public static ReportWriter of(BacktestResult result, Strategy strategy, List<Bar> bars) {
        ReportWriter report = ReportWriter.of(result, bars);
        if (strategy instanceof GridStrategy grid) report.section(GridReport.section(grid, result, bars));
        if (strategy instanceof Confluence confluence) report.section(ConfluenceReport.section(confluence));
        return report;
    }
}
