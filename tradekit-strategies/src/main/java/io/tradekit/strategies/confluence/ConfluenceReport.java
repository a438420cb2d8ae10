package io.tradekit.strategies.confluence;

import io.tradekit.core.report.ReportMetric;
import io.tradekit.core.report.ReportMetric.Unit;
import io.tradekit.core.report.ReportSection;
import io.tradekit.core.report.ReportTable;

import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A confluence's part of a run's report, as a {@link ReportSection} with the id {@value #SECTION_ID}: the decision
 * counts (in {@code summary.json} under {@code confluence}) and a table of the latest decisions with each member's
 * vote, the weighted shares, the regime and the checks (in {@code report.html}).
 *
 * <pre>{@code ReportWriter.of(result, bars).section(ConfluenceReport.section(confluence)).write(dir);}</pre>
 */
public final class ConfluenceReport {

    /** The section's id, also its key in {@code summary.json}. */
    public static final String SECTION_ID = "confluence";
    /** The decisions the table shows at most, the latest. */
    public static final int TABLE_ROWS = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ConfluenceReport() {
    }

    /**
     * The section of a run of {@code confluence}; read it after the run (the strategy's views are the loop's).
     *
     * @param confluence the strategy that ran
     * @return the section: members, decision counts and a table of at most {@value #TABLE_ROWS} latest decisions
     */
    public static ReportSection section(Confluence confluence) {
        DecisionCounts counts = confluence.counts();
        List<ReportMetric> metrics = List.of(
                new ReportMetric("members", "members", String.join(", ", confluence.memberIds()), Unit.TEXT),
                new ReportMetric("decisions", "decisions", counts.decisions(), Unit.COUNT),
                new ReportMetric("buys", "BUY decisions", counts.buys(), Unit.COUNT),
                new ReportMetric("sells", "SELL decisions", counts.sells(), Unit.COUNT),
                new ReportMetric("holds", "HOLD decisions", counts.holds(), Unit.COUNT),
                new ReportMetric("heldBack", "held back by trend or book", counts.heldBack(), Unit.COUNT),
                new ReportMetric("stale", "refused on stale data", counts.stale(), Unit.COUNT),
                new ReportMetric("bookSkipped", "book gate skipped (no book)", counts.bookSkipped(), Unit.COUNT),
                new ReportMetric("quietBars", "bars without a vote", counts.quietBars(), Unit.COUNT));
        return new ReportSection(SECTION_ID, "Confluence", metrics, List.of(), List.of(decisionsTable(confluence.decisions(), counts.decisions())));
    }

    private static ReportTable decisionsTable(List<Decision> kept, long total) {
        List<Decision> shown = kept.subList(Math.max(0, kept.size() - TABLE_ROWS), kept.size());
        List<List<String>> rows = new ArrayList<>();
        for (Decision d : shown) {
            rows.add(List.of(TIME.format(d.time()), d.outcome().name(), share(d.buyFraction()), share(d.sellFraction()),
                    d.votes().stream().map(Vote::describe).collect(Collectors.joining("; ")), d.regime().orElse(""),
                    d.checks().stream().map(GateCheck::describe).collect(Collectors.joining("; "))));
        }
        String title = shown.size() == total ? "Decisions" : "Decisions (the latest " + shown.size() + " of " + total + ")";
        return new ReportTable(title, List.of("time (UTC)", "outcome", "buy share", "sell share", "votes", "regime", "checks"), rows);
    }

    private static String share(java.math.BigDecimal fraction) {
        return fraction.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
