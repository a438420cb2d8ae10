package io.tradekit.advisor.optimize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.core.EquityPoint;
import io.tradekit.core.report.ChartPoint;
import io.tradekit.core.report.LineChart;
import io.tradekit.core.report.ReportMetric;
import io.tradekit.core.report.ReportMetric.Unit;
import io.tradekit.core.report.ReportSection;
import io.tradekit.core.report.ReportTable;
import io.tradekit.core.report.ReportWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files of an optimisation, written into one directory:
 * <ul>
 *   <li>{@code trials.csv}: one row per backtest, every in-sample trial and each fold's out-of-sample check
 *       (column {@code window}), with the parameters, the status, the objective and the key figures;</li>
 *   <li>{@code summary.json}: the settings, the best set with its in-sample and out-of-sample figures, each fold,
 *       and the warnings (a figure without a value is null);</li>
 *   <li>{@code report.html}: the backtest report of the best set's out-of-sample run (the same page as
 *       {@code tradekit backtest} writes), with a walk-forward section: the per-fold table, the out-of-sample
 *       equity of the folds chained, and each fold's best trials.</li>
 * </ul>
 *
 * <pre>{@code OptimizationReport.of(result).write(Path.of("runs/opt"));}</pre>
 */
public final class OptimizationReport {

    /** The file name of the trials table. */
    public static final String TRIALS_CSV = "trials.csv";
    /** The file name of the summary. */
    public static final String SUMMARY_JSON = "summary.json";
    /** The file name of the page. */
    public static final String REPORT_HTML = "report.html";
    /** Best trials per fold listed in the page; {@code trials.csv} has them all. */
    static final int TOP_TRIALS = 10;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    /**
     * Where {@link #write} put the files.
     *
     * @param trialsCsv   the trials table
     * @param summaryJson the summary
     * @param reportHtml  the page
     */
    public record Written(Path trialsCsv, Path summaryJson, Path reportHtml) {
    }

    private final OptimizationResult result;

    private OptimizationReport(OptimizationResult result) {
        this.result = result;
    }

    /**
     * The report of {@code result}; nothing is computed or written until asked.
     *
     * @param result an optimisation's result
     * @return the report
     */
    public static OptimizationReport of(OptimizationResult result) {
        return new OptimizationReport(result);
    }

    /**
     * Creates {@code directory} if needed and writes the three files, replacing earlier ones.
     *
     * @param directory where the files go
     * @return the paths of the files written
     * @throws java.io.UncheckedIOException if the directory cannot be made or a file cannot be written
     */
    public Written write(Path directory) {
        Written files = new Written(directory.resolve(TRIALS_CSV), directory.resolve(SUMMARY_JSON), directory.resolve(REPORT_HTML));
        try {
            Files.createDirectories(directory);
            Files.writeString(files.trialsCsv(), trialsCsv(), StandardCharsets.UTF_8);
            Files.writeString(files.summaryJson(), summaryJson(), StandardCharsets.UTF_8);
            Files.writeString(files.reportHtml(), html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the optimisation report into " + directory + ": " + e, e);
        }
        return files;
    }

    /**
     * {@code trials.csv}: a header, then the trials fold by fold in the order asked, each fold's out-of-sample check after them.
     *
     * @return the CSV text (RFC 4180 quoting), one line per backtest
     */
    public String trialsCsv() {
        List<String> names = List.copyOf(result.settings().space().names());
        StringBuilder csv = new StringBuilder("fold,window,trial");
        for (String name : names) csv.append(',').append(csvCell(name));
        csv.append(",status,objective,returnPct,sharpe,calmar,maxDrawdownPct,roundTrips,winRate,finalEquity,problem\n");
        for (FoldResult fold : result.folds()) {
            for (Trial t : result.trials()) {
                if (t.fold() == fold.window().fold()) csvRow(csv, "in-sample", t, names);
            }
            csvRow(csv, "out-of-sample", fold.outOfSample(), names);
        }
        return csv.toString();
    }

    private static void csvRow(StringBuilder csv, String window, Trial t, List<String> names) {
        csv.append(t.fold()).append(',').append(window).append(',').append(t.number());
        for (String name : names) csv.append(',').append(csvCell(t.params().getOrDefault(name, "")));
        csv.append(',').append(t.status().name().toLowerCase(java.util.Locale.ROOT)).append(',').append(number(t.objective()));
        if (t.figures().isPresent()) {
            TrialFigures f = t.figures().get();
            csv.append(',').append(f.returnPct().toPlainString()).append(',').append(number(f.sharpe())).append(',').append(number(f.calmar()))
                    .append(',').append(f.maxDrawdownPct().toPlainString()).append(',').append(f.roundTrips()).append(',')
                    .append(number(f.winRate())).append(',').append(f.finalEquity().toPlainString());
        } else {
            csv.append(",,,,,,,");
        }
        csv.append(',').append(csvCell(t.problem())).append('\n');
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    /** A cell quoted when it holds a comma, a quote or a line break (RFC 4180). */
    static String csvCell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * {@code summary.json}: the settings, the best set with its in-sample and out-of-sample figures, each fold, and the
     * warnings; a figure without a value is null.
     *
     * @return the indented JSON text
     */
    public String summaryJson() {
        OptimizationSettings s = result.settings();
        ObjectNode root = JSON.createObjectNode();
        root.put("strategy", s.strategy()).put("symbol", result.symbol()).put("bars", result.bars())
                .put("objective", s.objective().label()).put("search", s.search().label()).put("walkForward", "anchored")
                .put("folds", s.folds()).put("trialsPerFold", s.trials()).put("seed", s.seed()).put("threads", s.threads())
                .put("trials", result.trials().size()).put("unrankedTrials", result.unrankedTrials());
        ObjectNode ranges = root.putObject("ranges");
        s.space().ranges().forEach(r -> ranges.put(r.key(), r.min().toPlainString() + ".." + r.max().toPlainString()));
        ObjectNode fixed = root.putObject("fixed");
        s.space().fixed().forEach(fixed::put);
        ObjectNode backtest = root.putObject("backtest");
        backtest.put("cash", s.backtest().cash()).put("feeBps", s.backtest().feeBps()).put("slippageBps", s.backtest().slippageBps())
                .put("fillModel", s.backtest().fillModel().label());
        FoldResult best = result.best();
        ObjectNode bestNode = root.putObject("best");
        params(bestNode.putObject("params"), best.inSampleBest().params());
        bestNode.put("fold", best.window().fold());
        figures(bestNode.putObject("inSample"), best.inSampleBest());
        figures(bestNode.putObject("outOfSample"), best.outOfSample());
        root.put("outOfSampleChainedReturnPct", result.outOfSampleReturnPct());
        ArrayNode folds = root.putArray("foldResults");
        for (FoldResult f : result.folds()) {
            ObjectNode fold = folds.addObject();
            fold.put("fold", f.window().fold());
            window(fold.putObject("inSampleWindow"), f.window().inSampleFrom(), f.window().inSampleTo());
            window(fold.putObject("outOfSampleWindow"), f.window().outOfSampleFrom(), f.window().outOfSampleTo());
            params(fold.putObject("params"), f.inSampleBest().params());
            fold.put("bestTrial", f.inSampleBest().number());
            figures(fold.putObject("inSample"), f.inSampleBest());
            figures(fold.putObject("outOfSample"), f.outOfSample());
            fold.put("diverges", f.diverges());
        }
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(warnings::add);
        root.put("elapsedMs", result.elapsedMs());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary.json could not be written: " + e.getMessage(), e);
        }
    }

    private static void window(ObjectNode node, int from, int to) {
        node.put("fromBar", from).put("toBar", to);
    }

    private static void params(ObjectNode node, Map<String, String> params) {
        params.forEach(node::put);
    }

    private static void figures(ObjectNode node, Trial t) {
        node.put("status", t.status().name().toLowerCase(java.util.Locale.ROOT));
        putDouble(node, "objective", t.objective());
        t.figures().ifPresent(f -> {
            node.put("returnPct", f.returnPct()).put("maxDrawdownPct", f.maxDrawdownPct()).put("roundTrips", f.roundTrips())
                    .put("finalEquity", f.finalEquity()).put("bars", f.bars());
            putDouble(node, "sharpe", f.sharpe());
            putDouble(node, "calmar", f.calmar());
            putDouble(node, "winRate", f.winRate());
        });
        if (!t.problem().isEmpty()) node.put("problem", t.problem());
    }

    private static void putDouble(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) node.put(key, value);
        else node.putNull(key);
    }

    /**
     * The best set's out-of-sample backtest report with the walk-forward section.
     *
     * @return the whole HTML page
     */
    public String html() {
        FoldResult best = result.best();
        return ReportWriter.of(best.outOfSampleRun(), best.outOfSampleBars()).section(section()).html();
    }

    /** The walk-forward part of the page, and its figures under {@code walkForward} in a backtest report's JSON. */
    ReportSection section() {
        OptimizationSettings s = result.settings();
        FoldResult best = result.best();
        List<ReportMetric> metrics = new ArrayList<>();
        metrics.add(new ReportMetric("bestSet", "best set (last fold)", describe(best.inSampleBest().params()), Unit.TEXT));
        metrics.add(new ReportMetric("objective", "objective", s.objective().label(), Unit.TEXT));
        metrics.add(new ReportMetric("inSampleObjective", "in-sample " + s.objective().label(), best.inSampleBest().objective(), Unit.RATIO));
        metrics.add(new ReportMetric("outOfSampleObjective", "out-of-sample " + s.objective().label(), best.outOfSample().objective(), Unit.RATIO));
        metrics.add(new ReportMetric("chainedReturnPct", "out-of-sample return, folds chained", result.outOfSampleReturnPct(), Unit.PERCENT));
        metrics.add(new ReportMetric("divergingFolds", "folds that diverge", result.folds().stream().filter(FoldResult::diverges).count(),
                Unit.COUNT));
        metrics.add(new ReportMetric("search", "search", s.search().label() + ", seed " + s.seed(), Unit.TEXT));
        metrics.add(new ReportMetric("walkForward", "walk-forward", "anchored, " + s.folds() + " folds", Unit.TEXT));
        metrics.add(new ReportMetric("trials", "trials (all folds)", (long) result.trials().size(), Unit.COUNT));
        metrics.add(new ReportMetric("unrankedTrials", "trials not ranked", result.unrankedTrials(), Unit.COUNT));
        metrics.add(new ReportMetric("threads", "threads", s.threads(), Unit.COUNT));
        metrics.add(new ReportMetric("elapsedMs", "elapsed", result.elapsedMs(), Unit.MILLIS));
        return new ReportSection("walkForward", "Walk-forward optimisation", metrics, List.of(chainedEquity()), List.of(foldTable(), topTrials()));
    }

    /** Each fold's out-of-sample equity from its window's start, rescaled to go on where the fold before ended. */
    private LineChart chainedEquity() {
        List<ChartPoint> points = new ArrayList<>();
        double carried = result.settings().backtest().cash().doubleValue();
        for (FoldResult f : result.folds()) {
            Instant start = f.outOfSampleStart().openTime();
            List<EquityPoint> curve = f.outOfSampleRun().equityCurve().stream().filter(p -> p.time().isAfter(start)).toList();
            if (curve.isEmpty()) continue;
            double scale = carried / f.outOfSampleRun().initialCash().doubleValue();
            for (EquityPoint p : curve) points.add(new ChartPoint(p.time(), p.equity().doubleValue() * scale));
            carried = points.getLast().value();
        }
        return new LineChart("Out-of-sample equity, folds chained", "", points, false);
    }

    private ReportTable foldTable() {
        String objective = result.settings().objective().label();
        List<List<String>> rows = new ArrayList<>();
        for (FoldResult f : result.folds()) {
            TrialFigures oos = f.outOfSample().figures().orElseThrow();
            rows.add(List.of(Integer.toString(f.window().fold()), bars(f.window().inSampleFrom(), f.window().inSampleTo()),
                    bars(f.window().outOfSampleFrom(), f.window().outOfSampleTo()), describe(f.inSampleBest().params()),
                    OptimizationResult.figure(f.inSampleBest().objective()), OptimizationResult.figure(f.outOfSample().objective()),
                    percent(oos.returnPct()), percent(oos.maxDrawdownPct()), Long.toString(oos.roundTrips()),
                    f.diverges() ? "diverges" : "holds"));
        }
        return new ReportTable("Folds: in sample and out of sample", List.of("fold", "in-sample bars", "out-of-sample bars", "best set",
                "in-sample " + objective, "out-of-sample " + objective, "OOS return", "OOS max drawdown", "OOS round trips", "verdict"), rows);
    }

    private ReportTable topTrials() {
        List<List<String>> rows = new ArrayList<>();
        for (FoldResult f : result.folds()) {
            result.trials().stream().filter(t -> t.fold() == f.window().fold() && t.ranked())
                    .sorted(Comparator.comparingDouble(Trial::objective).reversed().thenComparing(Trial::number)).limit(TOP_TRIALS)
                    .forEach(t -> {
                        TrialFigures fig = t.figures().orElseThrow();
                        rows.add(List.of(Integer.toString(t.fold()), Integer.toString(t.number()), describe(t.params()),
                                OptimizationResult.figure(t.objective()), percent(fig.returnPct()), OptimizationResult.figure(fig.sharpe()),
                                OptimizationResult.figure(fig.calmar()), percent(fig.maxDrawdownPct()), Long.toString(fig.roundTrips())));
                    });
        }
        return new ReportTable("Best " + TOP_TRIALS + " in-sample trials per fold (trials.csv has every one)", List.of("fold", "trial", "set",
                "objective (" + result.settings().objective().label() + ")", "return", "sharpe", "calmar", "max drawdown", "round trips"), rows);
    }

    private static String bars(int from, int to) {
        return "[" + from + ", " + to + ")";
    }

    private static String percent(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    /**
     * A set as {@code fast=9, slow=41}.
     *
     * @param params a parameter set, by key
     * @return the pairs in the map's order, separated by commas
     */
    public static String describe(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
