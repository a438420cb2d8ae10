package io.tradekit.core.report.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.SafetyEvent;
import io.tradekit.core.report.BacktestSummary;
import io.tradekit.core.report.PeriodReturn;
import io.tradekit.core.report.TraderFigures;
import io.tradekit.core.report.ReportMetric;
import io.tradekit.core.report.ReportSection;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code summary.json}: the summary's metrics with their exact values (money as plain decimals, never
 * in exponent form), the round trips by exit reason, the returns by day and by month, the safety events,
 * and one object per extra section. A statistic that has no value (a profit factor without a losing
 * trade, for example) is written as null. {@code strategyFailure} is null, or the strategy's exception the
 * run ended on (strategy, callback, the close time of its last bar, the error). A run over several pairs
 * adds {@code pairs}: {@code rows} (one per pair: symbol, trades, roundTrips, realizedPnl, winRate,
 * exposureSeconds, exposurePct, fees) and the {@code total} in the same shape.
 */
public final class SummaryJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private SummaryJson() {
    }

    public static String render(BacktestResult result, BacktestSummary summary, TraderFigures figures, List<ReportSection> sections) {
        return render(result, summary, figures, sections, null);
    }

    /** The summary with the per-pair table of a run over several pairs ({@code pairs} null for a run over one). */
    public static String render(BacktestResult result, BacktestSummary summary, TraderFigures figures, List<ReportSection> sections,
                                io.tradekit.core.report.PairReport pairs) {
        ObjectNode root = JSON.createObjectNode();
        for (ReportMetric metric : summary.metrics()) put(root, metric);
        ObjectNode reasons = root.putObject("exitReasons");
        figures.exitReasons().forEach((reason, count) -> reasons.put(reason.name(), count));
        periods(root.putArray("returnsByDay"), "day", figures.returnsByDay());
        periods(root.putArray("returnsByMonth"), "month", figures.returnsByMonth());
        ArrayNode events = root.putArray("safetyEvents");
        for (SafetyEvent e : result.safetyEvents()) {
            events.addObject().put("time", e.time().toString()).put("policy", e.policy())
                    .put("action", e.action().name()).put("reason", e.reason());
        }
        result.strategyFailure().ifPresentOrElse(f -> {
            ObjectNode failure = root.putObject("strategyFailure").put("strategy", f.strategy()).put("callback", f.callback())
                    .put("error", f.error());
            f.barTime().ifPresentOrElse(t -> failure.put("barTime", t.toString()), () -> failure.putNull("barTime"));
        }, () -> root.putNull("strategyFailure"));
        if (pairs != null) {
            ObjectNode table = root.putObject("pairs");
            ArrayNode rows = table.putArray("rows");
            for (var p : pairs.pairs()) pair(rows.addObject(), p);
            pair(table.putObject("total"), pairs.total());
        }
        for (ReportSection section : sections) {
            ObjectNode node = root.putObject(section.id());
            for (ReportMetric metric : section.metrics()) put(node, metric);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary.json could not be written: " + e.getMessage(), e);
        }
    }

    private static void pair(ObjectNode node, io.tradekit.core.report.PairFigures p) {
        node.put("symbol", p.symbol()).put("trades", p.trades()).put("roundTrips", p.roundTrips())
                .put("realizedPnl", Decimals.exact(p.realizedPnl())).put("winRate", p.winRate())
                .put("exposureSeconds", p.exposure().toSeconds()).put("exposurePct", Decimals.exact(p.exposurePct()))
                .put("fees", Decimals.exact(p.fees()));
    }

    private static void periods(ArrayNode array, String name, List<PeriodReturn> periods) {
        for (PeriodReturn p : periods) {
            array.addObject().put(name, p.period()).put("equity", Decimals.exact(p.equity())).put("returnPct", Decimals.exact(p.returnPct()));
        }
    }

    private static void put(ObjectNode node, ReportMetric metric) {
        String key = metric.key();
        switch (metric.value()) {
            case BigDecimal d -> node.put(key, Decimals.exact(d));
            case Long l -> node.put(key, l);
            case Integer i -> node.put(key, i);
            case Double d when d.isNaN() || d.isInfinite() -> node.putNull(key);
            case Double d -> node.put(key, d);
            case Boolean b -> node.put(key, b);
            default -> node.put(key, metric.value().toString());
        }
    }
}
