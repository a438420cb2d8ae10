package io.tradekit.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.advisor.Proposal;
import io.tradekit.advisor.optimize.BacktestSettings;
import io.tradekit.advisor.optimize.FoldResult;
import io.tradekit.advisor.optimize.Objective;
import io.tradekit.advisor.optimize.OptimizationReport;
import io.tradekit.advisor.optimize.OptimizationResult;
import io.tradekit.advisor.optimize.OptimizationSettings;
import io.tradekit.advisor.optimize.Optimizer;
import io.tradekit.advisor.optimize.OptimizerProposalSource;
import io.tradekit.advisor.optimize.RangeAxis;
import io.tradekit.advisor.optimize.SearchMethod;
import io.tradekit.advisor.optimize.SearchSpace;
import io.tradekit.advisor.optimize.TrialFigures;
import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.Timeframe;
import io.tradekit.core.Plugins;
import io.tradekit.core.report.ReportMetric;
import io.tradekit.core.report.ReportMetric.Unit;
import io.tradekit.data.DataSets;
import io.tradekit.strategies.SmaCrossProvider;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tradekit optimize}: searches a strategy's parameter ranges walk-forward with backtests on every core,
 * prints each fold's in-sample and out-of-sample figures and the best set, and writes {@code trials.csv},
 * {@code summary.json} and {@code report.html}; with {@code --propose BOT}, also the best set as a proposal
 * ({@code proposal.json}).
 */
public final class OptimizeCommand implements Command {

    static final String PROPOSAL_JSON = "proposal.json";
    /** How long a proposal from the command line stays open for a decision. */
    static final Duration PROPOSAL_TTL = Duration.ofHours(24);

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Options options = PaperVenueFlags.declare(new Options("optimize")
            .value("strategy", "NAME", "strategy to optimise (default " + SmaCrossProvider.NAME + ")")
            .value("data", "SET|FILE", "data set (" + String.join(", ", DataSets.names()) + ") or a CSV file with the header "
                    + "timestamp,open,high,low,close,volume (default " + DataSets.ETH_USD_5M + ")")
            .repeatable("param", "KEY=LOW..HIGH", "a parameter to search, e.g. --param fast=5..20 (whole numbers) or spacing=0.2..1.5; "
                    + "KEY=VALUE fixes one")
            .value("objective", "sharpe|return|calmar", "what the search maximises (default sharpe)")
            .value("trials", "N", "distinct parameter sets backtested per fold (default 100)")
            .value("walk-forward", "K", "anchored walk-forward folds (default 3): the bars cut into K+1 blocks, fold k optimises on "
                    + "blocks 1..k and is checked on block k+1")
            .value("search", "random|cmaes", "random search or CMA-ES (commons-math3) (default random)")
            .value("seed", "X", "seed of every random choice: the same seed gives the same trials (default 1)")
            .value("threads", "N", "backtests run at once (default: one per processor, " + Runtime.getRuntime().availableProcessors() + " here)")
            .value("out", "DIR", "where trials.csv, summary.json and report.html go (default: a new runs/optimize-<strategy>-<data>-<time>)")
            .value("propose", "BOT", "also write the best set as a proposal for bot BOT (proposal.json), unless it diverges out of sample")
            .value("cash", "AMOUNT", "starting cash of every backtest (default 10000)")
            .value("plugins", "DIR", "load strategies and other plugins from every jar in DIR")
            .value("symbol", "SYMBOL", "the bars' symbol (a CSV file's default is its file name)")
            .value("timeframe", "TF", "a CSV file's timeframe, e.g. 5m (default: inferred from the rows' spacing)"));

    private final Path workingDirectory;

    /** Relative paths (data files, the output and plugin directories) are taken from the process's working directory. */
    public OptimizeCommand() {
        this(Path.of(""));
    }

    /**
     * A command that takes relative paths from {@code workingDirectory}.
     *
     * @param workingDirectory where relative paths (data files, the output and plugin directories) are taken from
     */
    public OptimizeCommand(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public String name() {
        return "optimize";
    }

    @Override
    public String summary() {
        return "search a strategy's parameters walk-forward and report in- and out-of-sample figures";
    }

    @Override
    public String help() {
        return """
                usage: tradekit optimize --param KEY=LOW..HIGH [--param ...] [flags]

                Searches the parameter ranges with backtests (the engine of 'tradekit backtest') run in parallel,
                validated walk-forward: the bars are cut into K+1 blocks; fold k searches blocks 1..k (in sample)
                and backtests its best set on block k+1 (out of sample; the strategy's warm-up bars come from
                before it). A fold warns when its out-of-sample figure is below half of a positive in-sample one
                (returns compared over as many bars). The best set is the last fold's, shown with its
                out-of-sample figures. A set the strategy refuses (e.g. fast not below slow) is an invalid trial.

                example: tradekit optimize --strategy sma-cross --data eth-usd-5m --param fast=5..20 --param slow=20..60 \\
                             --objective sharpe --trials 100 --walk-forward 3 --search cmaes --seed 7

                flags:
                """ + options.describe();
    }

    @Override
    public int run(List<String> args, Terminal terminal) {
        Options.Parsed flags = options.parse(args);
        if (flags.has("help")) {
            terminal.out().print(help());
            return 0;
        }
        String strategy = flags.value("strategy", SmaCrossProvider.NAME);
        String data = flags.value("data", DataSets.ETH_USD_5M);
        Map<String, String> givenAs = new LinkedHashMap<>();
        SearchSpace space = searchSpace(flags.values("param"), givenAs);
        OptimizationSettings settings = OptimizationSettings.of(strategy, space)
                .withObjective(choice("objective", () -> Objective.parse(flags.value("objective", "sharpe"))))
                .withSearch(choice("search", () -> SearchMethod.parse(flags.value("search", "random"))))
                .withTrials(SimulateCommand.whole(flags, "trials", 100, 1))
                .withFolds(SimulateCommand.whole(flags, "walk-forward", 3, 1))
                .withSeed(seed(flags))
                .withThreads(SimulateCommand.whole(flags, "threads", Runtime.getRuntime().availableProcessors(), 1))
                .withBacktest(new BacktestSettings(RiskFlags.decimal("cash", flags.value("cash", "10000")),
                        PaperVenueFlags.feeBps(flags), PaperVenueFlags.slippageBps(flags), PaperVenueFlags.fillModel(flags)));
        Path out = flags.value("out").map(workingDirectory::resolve)
                .orElseGet(() -> RunDirectory.fresh(workingDirectory, "optimize-" + strategy, data, java.time.Clock.systemUTC()));
        Optional<Timeframe> timeframe = flags.value("timeframe").map(Timeframe::parse);
        List<Bar> bars = DataSets.load(data, workingDirectory, flags.value("symbol"), timeframe);

        PluginJars jars = flags.value("plugins").map(dir -> PluginJars.open(workingDirectory.resolve(dir))).orElse(null);
        try {
            Plugins plugins = jars != null ? jars.plugins() : Plugins.discover(OptimizeCommand.class.getClassLoader());
            OptimizationResult result;
            try {
                result = new Optimizer(plugins).run(bars, settings, new ProgressBar(terminal, "backtests"));
            } catch (InvalidInputException e) {
                throw BacktestCommand.namingTheFlag(e, givenAs);
            }
            OptimizationReport.Written files = OptimizationReport.of(result).write(out);
            print(terminal.out(), data, result);
            Optional<String> proposalFile = flags.value("propose").map(bot -> propose(terminal, result, bot, space, out));
            terminal.out().println();
            terminal.out().println("wrote " + files.trialsCsv());
            terminal.out().println("      " + files.summaryJson());
            terminal.out().println("      " + files.reportHtml());
            proposalFile.ifPresent(f -> terminal.out().println("      " + f));
            return 0;
        } finally {
            if (jars != null) jars.close();
        }
    }

    /** The ranges and fixed values of {@code --param}; an error about one names the flag that gave it. */
    static SearchSpace searchSpace(List<String> pairs, Map<String, String> givenAs) {
        Map<String, String> params = BacktestCommand.params(pairs);
        params.forEach((k, v) -> givenAs.put(k, "--param " + k + "=" + v));
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (!RangeAxis.isRange(p.getValue())) continue;
            try {
                RangeAxis.parse(p.getKey(), p.getValue());
            } catch (InvalidInputException e) {
                throw new UsageException(givenAs.get(p.getKey()) + ": " + e.getMessage());
            }
        }
        if (params.values().stream().noneMatch(RangeAxis::isRange)) {
            throw new UsageException("nothing to search: give at least one --param KEY=LOW..HIGH, e.g. --param fast=5..20");
        }
        return SearchSpace.parse(params);
    }

    private static <T> T choice(String flag, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException | IllegalArgumentException e) {
            throw new UsageException("--" + flag + ": " + e.getMessage());
        }
    }

    private static long seed(Options.Parsed flags) {
        String text = flags.value("seed", "1");
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--seed is '" + text + "', expected a whole number");
        }
    }

    private static void print(PrintStream o, String data, OptimizationResult r) {
        OptimizationSettings s = r.settings();
        String objective = s.objective().label();
        o.println("optimize " + s.strategy() + " on " + r.symbol() + " (" + data + ", " + r.bars() + " bars): " + s.search().label()
                + " search, " + s.trials() + " trials x " + s.folds() + " anchored folds, objective " + objective + ", seed " + s.seed());
        o.println();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("fold", "in sample", "out of sample", "best set", "IS " + objective, "OOS " + objective, "OOS return", "verdict"));
        for (FoldResult f : r.folds()) {
            TrialFigures oos = f.outOfSample().figures().orElseThrow();
            rows.add(List.of(Integer.toString(f.window().fold()), window(f.window().inSampleFrom(), f.window().inSampleTo()),
                    window(f.window().outOfSampleFrom(), f.window().outOfSampleTo()), OptimizationReport.describe(f.inSampleBest().params()),
                    OptimizationResult.figure(f.inSampleBest().objective()), OptimizationResult.figure(f.outOfSample().objective()),
                    String.format(Locale.ROOT, "%.2f %%", oos.returnPct().doubleValue()), f.diverges() ? "diverges" : "holds"));
        }
        printTable(o, rows);
        o.println();

        FoldResult best = r.best();
        TrialFigures oos = best.outOfSample().figures().orElseThrow();
        o.println("best set: " + OptimizationReport.describe(best.inSampleBest().params()) + "  (fold " + best.window().fold()
                + ", chosen on bars " + window(best.window().inSampleFrom(), best.window().inSampleTo()) + ")");
        o.println("out of sample, bars " + window(best.window().outOfSampleFrom(), best.window().outOfSampleTo()) + ":");
        o.print(ReportMetric.toText(List.of(
                new ReportMetric("returnPct", "return", oos.returnPct(), Unit.PERCENT),
                new ReportMetric("sharpe", "Sharpe (annualized)", oos.sharpe(), Unit.RATIO),
                new ReportMetric("calmar", "Calmar", oos.calmar(), Unit.RATIO),
                new ReportMetric("maxDrawdownPct", "max drawdown", oos.maxDrawdownPct(), Unit.PERCENT),
                new ReportMetric("roundTrips", "round trips", oos.roundTrips(), Unit.COUNT),
                new ReportMetric("winRate", "win rate", oos.winRate(), Unit.FRACTION),
                new ReportMetric("chained", "return, every fold's OOS chained", r.outOfSampleReturnPct(), Unit.PERCENT))));
        o.println();
        List<String> warnings = r.warnings();
        if (warnings.isEmpty()) {
            o.println("overfitting check: every fold holds out of sample");
        } else {
            for (String w : warnings) o.println("warning: " + w);
        }
        o.println(String.format(Locale.ROOT, "%d backtests (%d not ranked) in %.1f s on %d threads", r.trials().size() + r.folds().size(),
                r.unrankedTrials(), r.elapsedMs() / 1000.0, s.threads()));
    }

    private static String propose(Terminal terminal, OptimizationResult result, String bot, SearchSpace space, Path out) {
        Params current = Params.of(result.settings().strategy(), space.fixed());
        Optional<Proposal> proposal = OptimizerProposalSource.proposal(result, bot, current, Instant.now(), PROPOSAL_TTL);
        if (proposal.isEmpty()) {
            terminal.out().println();
            terminal.out().println("no proposal for " + bot + ": " + OptimizerProposalSource.whyNot(result, current).orElse(""));
            return null;
        }
        Proposal p = proposal.get();
        ObjectNode json = JSON.createObjectNode();
        json.put("id", p.id()).put("botId", p.botId()).put("source", p.source()).put("reason", p.reason())
                .put("createdAt", p.createdAt().toString()).put("expiresAt", p.expiresAt().toString());
        ObjectNode changes = json.putObject("changes");
        p.changes().values().forEach(c -> changes.put(c.key(), c.proposed()));
        ObjectNode evidence = json.putObject("evidence");
        p.evidence().forEach(evidence::put);
        Path file = out.resolve(PROPOSAL_JSON);
        try {
            Files.writeString(file, JSON.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("proposal.json could not be written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e, e);
        }
        terminal.out().println();
        terminal.out().println("proposal " + p.id() + " for " + bot + ": " + OptimizationReport.describe(p.applyTo(current).values())
                + ", expires " + p.expiresAt());
        return file.toString();
    }

    private static String window(int from, int to) {
        return "[" + from + ", " + to + ")";
    }

    /** Columns padded to their widest cell, two spaces apart. */
    private static void printTable(PrintStream o, List<List<String>> rows) {
        int[] widths = new int[rows.getFirst().size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i)).append(i == row.size() - 1 ? "" : " ".repeat(widths[i] - row.get(i).length() + 2));
            }
            o.println(line.toString().stripTrailing());
        }
    }
}
