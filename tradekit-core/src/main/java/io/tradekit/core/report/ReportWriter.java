package io.tradekit.core.report;

import io.tradekit.api.Bar;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.report.internal.HtmlReport;
import io.tradekit.core.report.internal.SummaryJson;
import io.tradekit.core.report.internal.TradesCsv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the report of a run (backtest, replay, paper, live) into a directory: {@code summary.json} (the
 * figures, exact), {@code trades.csv} (one line per round trip) and {@code report.html} (one self-contained
 * page with the equity curve, the drawdown, the price with every fill, the figures, the returns by day and
 * month, and the trades). Given the bars the run went over, the report adds the buy-and-hold return and the
 * price picture ({@link TraderFigures}). A component with figures of its own adds them as a
 * {@link ReportSection}; they appear in the JSON under the section's id and as a part of the page.
 *
 * <pre>{@code ReportFiles files = ReportWriter.of(result, bars).write(Path.of("runs/demo"));}</pre>
 *
 * <p>A run over several pairs (its result's {@code symbol} lists them, joined by commas) gets the per-pair table
 * ({@link PairReport}): in {@code summary.json} under {@code pairs} ({@code rows}, one per pair, and {@code total}),
 * and in {@code report.html} with each pair's price and fills, drawn from that pair's bars among those given. Its
 * buy-and-hold return is left out: it has no meaning over several series.
 */
public final class ReportWriter {

    /** The name of the figures file. */
    public static final String SUMMARY_JSON = "summary.json";
    /** The name of the round trips file. */
    public static final String TRADES_CSV = "trades.csv";
    /** The name of the HTML page. */
    public static final String REPORT_HTML = "report.html";

    /** Keys of summary.json that are lists or objects of their own rather than summary figures. */
    private static final Set<String> LISTS = Set.of("safetyEvents", "exitReasons", "returnsByDay", "returnsByMonth", "strategyFailure", "pairs");

    private final BacktestResult result;
    private final List<Bar> bars;
    private final TraderFigures figures;
    private final BacktestSummary summary;
    private final List<ReportSection> sections = new ArrayList<>();
    /** The bars of each pair of a run over several pairs; empty for a run over one. */
    private final java.util.Map<String, List<Bar>> pairBars = new java.util.LinkedHashMap<>();
    private final PairReport pairs;

    private ReportWriter(BacktestResult result, List<Bar> bars) {
        this.result = Objects.requireNonNull(result, "result");
        boolean multiPair = PairReport.isMultiPair(result);
        if (multiPair) {
            for (String symbol : result.symbol().split(",")) pairBars.put(symbol, new ArrayList<>());
            for (Bar b : bars) pairBars.computeIfAbsent(b.symbol(), s -> new ArrayList<>()).add(b);
        }
        this.bars = multiPair ? List.of() : List.copyOf(bars);
        this.pairs = multiPair ? PairReport.of(result, pairBars) : null;
        this.figures = TraderFigures.of(result, this.bars);
        this.summary = BacktestSummary.of(result, figures);
        result.perpetual().ifPresent(p -> sections.add(p.section()));
    }

    /**
     * The report of {@code result} without its bars: no buy-and-hold return and no price picture.
     *
     * @param result the run's result
     * @return a writer
     */
    public static ReportWriter of(BacktestResult result) {
        return new ReportWriter(result, List.of());
    }

    /**
     * The report of {@code result}, which ran over {@code bars}.
     * A run over several pairs takes each pair's bars from {@code bars} by symbol.
     *
     * @param result the run's result
     * @param bars the bars the run went over, oldest first
     * @return a writer
     */
    public static ReportWriter of(BacktestResult result, List<Bar> bars) {
        return new ReportWriter(result, bars);
    }

    /**
     * Adds a section (a run on a perpetual has its {@code perpetual} section already); its id must differ from every summary key and from the other sections' ids.
     *
     * @param section the section
     * @return this writer
     * @throws IllegalArgumentException if the section's id is taken
     */
    public ReportWriter section(ReportSection section) {
        Set<String> taken = new HashSet<>();
        summary.metrics().forEach(m -> taken.add(m.key()));
        taken.addAll(LISTS);
        sections.forEach(s -> taken.add(s.id()));
        if (taken.contains(section.id())) {
            throw new IllegalArgumentException("report section id '" + section.id() + "' is already used in summary.json");
        }
        sections.add(section);
        return this;
    }

    /**
     * The headline figures of the report.
     *
     * @return the summary
     */
    public BacktestSummary summary() {
        return summary;
    }

    /**
     * The trader's figures of the report.
     *
     * @return the figures
     */
    public TraderFigures figures() {
        return figures;
    }

    /**
     * The sections added so far, in the order they were added.
     *
     * @return an unmodifiable copy
     */
    public List<ReportSection> sections() {
        return List.copyOf(sections);
    }

    /**
     * The per-pair table of a run over several pairs; empty for a run over one.
     *
     * @return the table, or empty
     */
    public java.util.Optional<PairReport> pairs() {
        return java.util.Optional.ofNullable(pairs);
    }

    /**
     * The content of {@code summary.json}.
     *
     * @return the JSON text
     */
    public String summaryJson() {
        return SummaryJson.render(result, summary, figures, sections, pairs);
    }

    /**
     * The content of {@code trades.csv}.
     *
     * @return the CSV text, one line per round trip after the header
     */
    public String tradesCsv() {
        return TradesCsv.render(result.roundTrips());
    }

    /**
     * The content of {@code report.html}.
     *
     * @return the self-contained HTML page
     */
    public String html() {
        List<ReportSection> shown = sections;
        if (pairs != null) {
            shown = new ArrayList<>(sections);
            shown.addFirst(pairs.section(result, pairBars, quoteAsset(result.symbol().split(",")[0])));
        }
        return HtmlReport.render(result, summary, figures, bars, shown, quoteAsset(result.symbol()));
    }

    /**
     * Creates {@code directory} if needed and writes the three files, replacing earlier ones.
     *
     * @param directory the directory; created with its parents when missing
     * @return where the files are
     * @throws java.io.UncheckedIOException if the directory or a file cannot be written
     */
    public ReportFiles write(Path directory) {
        ReportFiles files = new ReportFiles(directory.resolve(SUMMARY_JSON), directory.resolve(TRADES_CSV), directory.resolve(REPORT_HTML));
        try {
            Files.createDirectories(directory);
            Files.writeString(files.summaryJson(), summaryJson(), StandardCharsets.UTF_8);
            Files.writeString(files.tradesCsv(), tradesCsv(), StandardCharsets.UTF_8);
            Files.writeString(files.reportHtml(), html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report into " + directory + ": " + e, e);
        }
        return files;
    }

    /** The quote asset as the symbol spells it ({@code ETH-USD}, {@code ETH/USD}), for the equity axis; empty if it does not. */
    private static String quoteAsset(String symbol) {
        int sep = Math.max(symbol.lastIndexOf('-'), Math.max(symbol.lastIndexOf('/'), symbol.lastIndexOf('_')));
        return sep > 0 && sep < symbol.length() - 1 ? symbol.substring(sep + 1) : "";
    }
}
