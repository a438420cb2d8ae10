package io.tradekit.core.report.internal;

import io.tradekit.api.Bar;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.ExitReason;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.SafetyEvent;
import io.tradekit.core.report.BacktestSummary;
import io.tradekit.core.report.LineChart;
import io.tradekit.core.report.PeriodReturn;
import io.tradekit.core.report.PriceChart;
import io.tradekit.core.report.ReportChart;
import io.tradekit.core.report.ReportMetric;
import io.tradekit.core.report.ReportSection;
import io.tradekit.core.report.ReportTable;
import io.tradekit.core.report.TradeMarker;
import io.tradekit.core.report.TraderFigures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, nothing fetched) with the
 * headline figures, the equity curve and the drawdown as pictures, the price with every fill (unless a
 * section draws its own price picture, as the grid's does with its levels), every summary figure, the
 * returns by month and by day, the safety events, any extra sections, and the trades with what closed
 * each. Long trade lists and tables show their first and last {@value #TRADES_SHOWN_EACH_END} rows;
 * {@code trades.csv} holds every trade.
 */
public final class HtmlReport {

    static final int TRADES_SHOWN_EACH_END = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final List<String> HEADLINE = List.of("returnPct", "buyAndHoldReturnPct", "finalEquity", "realizedPnl", "maxDrawdownPct",
            "sharpe", "sortino", "profitFactor", "winRate", "roundTrips");
    private static final SvgLineChart EQUITY = new SvgLineChart(1040, 300, "#2563eb");
    private static final SvgLineChart DRAWDOWN = new SvgLineChart(1040, 200, "#dc2626");
    private static final SvgLineChart EXTRA = new SvgLineChart(1040, 240, "#0f766e");
    private static final SvgPriceChart PRICE = new SvgPriceChart(1040, 420);

    private HtmlReport() {
    }

    public static String render(BacktestResult result, BacktestSummary summary, TraderFigures figures, List<Bar> bars,
                                List<ReportSection> sections, String quoteAsset) {
        Map<String, ReportMetric> byKey = summary.metrics().stream().collect(Collectors.toMap(ReportMetric::key, Function.identity()));
        String title = result.strategy() + " on " + result.symbol() + " " + result.timeframe();
        StringBuilder h = new StringBuilder(64_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape("tradekit backtest: " + title)).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");

        h.append("<header><h1>").append(Html.escape(title)).append("</h1><p class=\"sub\">");
        if (byKey.containsKey("start")) {
            h.append(Html.escape(byKey.get("start").display())).append(" &rarr; ").append(Html.escape(byKey.get("end").display())).append(" &middot; ");
        }
        h.append(byKey.get("bars").display()).append(" bars &middot; final state ").append(Html.escape(result.finalState().name()))
                .append("</p></header>\n");

        h.append("<section class=\"cards\">");
        for (String key : HEADLINE) {
            ReportMetric m = byKey.get(key);
            if (m == null) continue;
            h.append("<div class=\"card").append(tone(m)).append("\"><div class=\"label\">").append(Html.escape(m.label()))
                    .append("</div><div class=\"value\">").append(Html.escape(m.display())).append("</div></div>");
        }
        h.append("</section>\n");

        h.append("<section><h2>Equity</h2>").append(EQUITY.render(EquityFigures.equity(result.equityCurve(), quoteAsset))).append("</section>\n");
        h.append("<section><h2>Drawdown</h2>").append(DRAWDOWN.render(EquityFigures.drawdown(result.equityCurve()))).append("</section>\n");
        boolean sectionDrawsPrice = sections.stream().anyMatch(s -> s.charts().stream().anyMatch(c -> c instanceof PriceChart));
        if (!bars.isEmpty() && !sectionDrawsPrice) {
            h.append("<section><h2>Price and fills</h2>").append(PRICE.render(new PriceChart("Price and fills", quoteAsset,
                    PriceChart.path(bars), List.of(), TradeMarker.ofFills(result.fills())))).append("</section>\n");
        }

        h.append("<section><h2>Summary</h2>");
        metricTable(h, summary.metrics());
        h.append("</section>\n");

        h.append("<section><h2>Returns</h2>");
        if (!figures.returnsByMonth().isEmpty()) periods(h, "By month", "month", figures.returnsByMonth());
        periods(h, "By day (UTC)", "day", figures.returnsByDay());
        h.append("</section>\n");

        result.strategyFailure().ifPresent(f -> h.append("<section><h2>The run ended on a strategy failure</h2><p class=\"text\">")
                .append(Html.escape(f.describe())).append("</p></section>\n"));

        h.append("<section><h2>Safety events</h2>");
        if (result.safetyEvents().isEmpty()) {
            h.append("<p class=\"note\">No risk policy or safety check asked for an action.</p>");
        } else {
            h.append("<table><thead><tr><th>time</th><th>policy</th><th>action</th><th>reason</th></tr></thead><tbody>");
            for (SafetyEvent e : result.safetyEvents()) {
                h.append("<tr><td>").append(TIME.format(e.time())).append("</td><td>").append(Html.escape(e.policy()))
                        .append("</td><td>").append(e.action()).append("</td><td class=\"text\">").append(Html.escape(e.reason())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</section>\n");

        for (ReportSection section : sections) {
            h.append("<section><h2>").append(Html.escape(section.title())).append("</h2>");
            if (!section.metrics().isEmpty()) metricTable(h, section.metrics());
            for (ReportChart chart : section.charts()) {
                h.append("<h3>").append(Html.escape(chart.title())).append("</h3>").append(switch (chart) {
                    case LineChart line -> EXTRA.render(line);
                    case PriceChart price -> PRICE.render(price);
                });
            }
            for (ReportTable table : section.tables()) table(h, table);
            h.append("</section>\n");
        }

        trades(h, result.roundTrips(), figures);
        h.append("<footer>Generated by tradekit. summary.json and trades.csv next to this page hold the exact values.</footer>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String tone(ReportMetric m) {
        if (!(m.value() instanceof BigDecimal d)) return "";
        return switch (m.key()) {
            case "returnPct", "realizedPnl" -> d.signum() > 0 ? " good" : d.signum() < 0 ? " bad" : "";
            default -> "";
        };
    }

    /** Label and value pairs, in two columns side by side when there are more than a few. */
    private static void metricTable(StringBuilder h, List<ReportMetric> metrics) {
        int half = metrics.size() > 6 ? (metrics.size() + 1) / 2 : metrics.size();
        h.append("<div class=\"kvs\">");
        for (List<ReportMetric> column : half == metrics.size() ? List.of(metrics)
                : List.of(metrics.subList(0, half), metrics.subList(half, metrics.size()))) {
            h.append("<table class=\"kv\"><tbody>");
            for (ReportMetric m : column) {
                h.append("<tr><th>").append(Html.escape(m.label())).append("</th><td>").append(Html.escape(m.display())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</div>");
    }

    private static void table(StringBuilder h, ReportTable table) {
        h.append("<h3>").append(Html.escape(table.title())).append("</h3><table><thead><tr>");
        for (String c : table.columns()) h.append("<th>").append(Html.escape(c)).append("</th>");
        h.append("</tr></thead><tbody>");
        List<List<String>> rows = table.rows();
        rows(h, rows.size(), table.columns().size(), "more rows", i -> {
            h.append("<tr>");
            for (String cell : rows.get(i)) h.append("<td>").append(Html.escape(cell)).append("</td>");
            h.append("</tr>");
        });
        h.append("</tbody></table>");
    }

    /**
     * Rows {@code 0..n-1} written by {@code row}; more than twice {@value #TRADES_SHOWN_EACH_END} show the first
     * and the last {@value #TRADES_SHOWN_EACH_END} around one row that says how many more there are and where.
     */
    private static void rows(StringBuilder h, int n, int columns, String more, IntConsumer row) {
        boolean cut = n > 2 * TRADES_SHOWN_EACH_END;
        for (int i = 0; i < n; i++) {
            if (cut && i == TRADES_SHOWN_EACH_END) {
                h.append("<tr class=\"gap\"><td colspan=\"").append(columns).append("\">").append(n - 2 * TRADES_SHOWN_EACH_END)
                        .append(' ').append(more).append("</td></tr>");
                i = n - TRADES_SHOWN_EACH_END;
            }
            row.accept(i);
        }
    }

    private static void periods(StringBuilder h, String title, String unit, List<PeriodReturn> periods) {
        h.append("<h3>").append(title).append("</h3>");
        if (periods.isEmpty()) {
            h.append("<p class=\"note\">No equity was recorded.</p>");
            return;
        }
        h.append("<table class=\"periods\"><thead><tr><th>").append(unit).append("</th><th>closing equity</th><th>return</th></tr></thead><tbody>");
        rows(h, periods.size(), 3, "more in summary.json", i -> {
            PeriodReturn p = periods.get(i);
            h.append("<tr><td>").append(p.period()).append("</td><td>").append(p.equity().setScale(2, RoundingMode.HALF_EVEN).toPlainString())
                    .append("</td><td class=\"").append(p.returnPct().signum() >= 0 ? "pos" : "neg").append("\">")
                    .append(p.returnPct().setScale(2, RoundingMode.HALF_EVEN).toPlainString()).append(" %</td></tr>");
        });
        h.append("</tbody></table>");
    }

    /** An exit reason as a reader says it: {@code stop-loss}, {@code take-profit}. */
    private static String reason(ExitReason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void trades(StringBuilder h, List<RoundTrip> trips, TraderFigures figures) {
        h.append("<section><h2>Trades</h2>");
        if (trips.isEmpty()) {
            h.append("<p class=\"note\">No round trip was closed.</p></section>\n");
            return;
        }
        StringBuilder closedBy = new StringBuilder();
        figures.exitReasons().forEach((reason, count) -> {
            if (count > 0) closedBy.append(closedBy.isEmpty() ? "" : " &middot; ").append(reason(reason)).append(' ').append(count);
        });
        h.append("<p class=\"note\">Closed by: ").append(closedBy).append("</p>");
        h.append("<table class=\"trades\"><thead><tr><th>#</th><th>entry</th><th>exit</th><th>side</th><th>entry price</th>")
                .append("<th>exit price</th><th>quantity</th><th>fee</th><th>PnL</th><th>return</th><th>closed by</th></tr></thead><tbody>");
        rows(h, trips.size(), 11, "more round trips are in trades.csv", i -> {
            RoundTrip t = trips.get(i);
            BigDecimal ret = TradesCsv.returnPct(t);
            h.append("<tr><td>").append(i + 1).append("</td><td>").append(TIME.format(t.entryTime())).append("</td><td>")
                    .append(TIME.format(t.exitTime())).append("</td><td>").append(TradesCsv.side(t)).append("</td><td>")
                    .append(Decimals.trimmed(t.entryPrice(), 8)).append("</td><td>").append(Decimals.trimmed(t.exitPrice(), 8))
                    .append("</td><td>").append(Decimals.trimmed(t.quantity(), 8)).append("</td><td>")
                    .append(t.fees().setScale(2, RoundingMode.HALF_EVEN).toPlainString()).append("</td><td class=\"")
                    .append(t.pnl().signum() >= 0 ? "pos" : "neg").append("\">").append(t.pnl().setScale(2, RoundingMode.HALF_EVEN).toPlainString())
                    .append("</td><td class=\"").append(ret.signum() >= 0 ? "pos" : "neg").append("\">")
                    .append(ret.setScale(2, RoundingMode.HALF_EVEN).toPlainString()).append(" %</td><td class=\"text\">")
                    .append(reason(t.exitReason())).append("</td></tr>");
        });
        h.append("</tbody></table></section>\n");
    }

    private static final String STYLE = """
            :root{color-scheme:light;--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#f8fafc}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
            main{max-width:1100px;margin:0 auto;padding:24px}
            header h1{margin:0 0 4px;font-size:24px}
            .sub{margin:0 0 16px;color:var(--muted)}
            section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:0 0 16px}
            section.cards{display:grid;grid-template-columns:repeat(5,1fr);gap:12px;background:none;border:none;padding:0}
            .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px}
            .card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
            .card .value{font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
            .card.good .value{color:#15803d}.card.bad .value{color:#b91c1c}
            h2{margin:0 0 12px;font-size:17px}h3{margin:16px 0 8px;font-size:15px}
            svg.chart{width:100%;height:auto;display:block}
            svg .grid{stroke:#eef2f7}svg .base,svg .tick{stroke:#94a3b8}
            svg text{font-size:11px;fill:#64748b;font-family:inherit}svg .empty{font-size:14px}svg .legend text{fill:#334155}
            table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
            th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
            th{color:var(--muted);font-weight:600}td.text{text-align:left;white-space:normal}
            .kvs{display:flex;flex-wrap:wrap;gap:0 48px}
            table.kv{width:auto;min-width:440px;flex:1}table.kv th{text-align:left;padding-right:32px}
            table.trades td:nth-child(n+2):nth-child(-n+4),table.trades th:nth-child(n+2):nth-child(-n+4){text-align:left}
            td.pos{color:#15803d}td.neg{color:#b91c1c}tr.gap td{text-align:center;color:var(--muted)}
            .note{color:var(--muted);margin:0 0 8px}
            table.periods{width:auto;min-width:440px}table.periods td:first-child,table.periods th:first-child{text-align:left}
            footer{color:var(--muted);font-size:12px;text-align:center;padding:8px}
            """;
}
