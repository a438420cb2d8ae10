package io.tradekit.examples.cli;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.Timeframe;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.TradeKit;
import io.tradekit.core.perp.PaperMarginRules;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.report.ReportFiles;
import io.tradekit.core.report.ReportWriter;
import io.tradekit.data.DataSets;
import io.tradekit.examples.modes.RunReport;
import io.tradekit.strategies.SmaCrossProvider;
import io.tradekit.grid.GridStrategyProvider;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tradekit backtest}: runs a strategy over a data set with the paper exchange, prints the summary
 * and writes {@code summary.json}, {@code trades.csv} and {@code report.html}. Without flags it runs
 * {@code sma-cross} over {@code eth-usd-5m} into a new directory {@code runs/sma-cross-eth-usd-5m-<time>}.
 */
public final class BacktestCommand implements Command {

    static final String DEFAULT_STRATEGY = SmaCrossProvider.NAME;
    static final String DEFAULT_DATA = DataSets.ETH_USD_5M;

    private final Options options = PerpFlags.declare(ProtectionFlags.declare(GridFlags.addTo(RiskFlags.declare(PaperVenueFlags.declareWithParticipationCap(new Options("backtest")
            .value("strategy", "NAME", "strategy to run (default " + DEFAULT_STRATEGY + ")")
            .value("data", "SET|FILE", "data set (" + String.join(", ", DataSets.names()) + ") or a CSV file with the header "
                    + "timestamp,open,high,low,close,volume (default " + DEFAULT_DATA + ")")
            .value("out", "DIR", "where summary.json, trades.csv and report.html go (default: a new runs/<strategy>-<data>-<time>)")
            .value(TimeRange.FLAG, TimeRange.SYNTAX, TimeRange.DESCRIPTION))
            .value("cash", "AMOUNT", "starting cash in the quote asset (default 10000)")
            .repeatable("param", "KEY=VALUE", "a strategy parameter, e.g. --param fast=5 --param slow=20")
            .value("plugins", "DIR", "load strategies and other plugins from every jar in DIR")
            .value("symbol", "SYMBOL", "the bars' symbol (a CSV file's default is its file name)")
            .value("symbols", "S1,S2,...", "backtest several pairs, one position per pair; --data then gives each its data: " + PairData.FORM)
            .value("timeframe", "TF", "a CSV file's timeframe, e.g. 5m (default: inferred from the rows' spacing)")))));

    private final Path workingDirectory;
    private final Clock clock;

    /** Relative paths (data files, the output and plugin directories) are taken from the process's working directory. */
    public BacktestCommand() {
        this(Path.of(""));
    }

    /**
     * A command that takes relative paths from {@code workingDirectory}.
     *
     * @param workingDirectory where relative paths (data files, the output and plugin directories) are taken from
     */
    public BacktestCommand(Path workingDirectory) {
        this(workingDirectory, Clock.systemUTC());
    }

    /** {@code clock} names the run's default output directory. */
    BacktestCommand(Path workingDirectory, Clock clock) {
        this.workingDirectory = workingDirectory;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "backtest";
    }

    @Override
    public String summary() {
        return "run a strategy over historical bars and write a report";
    }

    @Override
    public String help() {
        return """
                usage: tradekit backtest [flags]

                Runs a strategy over historical bars on the paper exchange, prints a summary and writes
                summary.json, trades.csv and report.html. With no flags: sma-cross on eth-usd-5m into a new directory
                runs/sma-cross-eth-usd-5m-<yyyyMMdd-HHmmss> (UTC); --out DIR writes elsewhere.
                Risk limits are enforced by the risk policies on the classpath; a limit nobody enforces is refused.
                With --strategy grid the report has a grid part: its figures under "grid" in summary.json, and
                the price with the grid's levels and fills in report.html. Grid parameters left out (spacing,
                levels, budget) are proposed by the grid's heuristic from the first bars and the cash.
                With --market perp the bars are traded as a linear perpetual on isolated margin (--leverage,
                --funding-rate or --funding); a strategy may then short (sma-cross: --param allowShort=true), and
                the report has a perpetual part: funding paid and received, leverage used, liquidations.
                With --strategy confluence the members vote and the confluence trades (--param members=sma-cross,rsi,
                --param sma-cross.fast=5, --param trend.timeframe=1h ...); the report lists its decisions with
                every member's vote, and summary.json counts them under "confluence".

                With --symbols the bot trades several pairs on one account, a fresh strategy per pair and at most one
                position per pair; --data gives each pair its data set or CSV file (all of one timeframe). The report
                adds a per-pair table (trades, round trips, realized PnL, win rate, exposure, fees, and the total)
                under "pairs" in summary.json, and each pair's price and fills in report.html.

                example: tradekit backtest --strategy grid --data btc-usd-1m --levels 7 --spacing 0.3 --out runs/grid
                example: tradekit backtest --symbols BTCUSDT,ETHUSDT --data BTCUSDT=btc.csv,ETHUSDT=eth-usd-5m --out runs/pairs

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
        String strategy = flags.value("strategy", DEFAULT_STRATEGY);
        if (flags.value("symbols").isPresent()) return runPairs(flags, strategy, terminal);
        String data = flags.value("data", DEFAULT_DATA);
        Path out = flags.value("out").map(workingDirectory::resolve)
                .orElseGet(() -> RunDirectory.fresh(workingDirectory, strategy, data, clock));
        Optional<Timeframe> timeframe = flags.value("timeframe").map(Timeframe::parse);
        List<Bar> bars = inRange(flags, DataSets.load(data, workingDirectory, flags.value("symbol"), timeframe));
        PerpFlags.Market market = PerpFlags.market(flags, workingDirectory, dataFile(data, workingDirectory));

        Map<String, String> givenAs = new LinkedHashMap<>();
        Map<String, String> params = strategyParams(strategy, flags, givenAs);

        PluginJars jars = flags.value("plugins").map(dir -> PluginJars.open(workingDirectory.resolve(dir))).orElse(null);
        try {
            Plugins plugins = jars != null ? jars.plugins() : Plugins.discover(BacktestCommand.class.getClassLoader());
            ReportWriter report;
            BacktestResult result;
            try {
                // Made here rather than by the builder, so that its own figures can be read after the run.
                Strategy instance = plugins.strategy(strategy).create(Params.of(strategy, params));
                var backtest = TradeKit.backtest();
                if (market.perpetual()) {
                    backtest.linearPerpetual(PaperMarginRules.DEFAULT).leverage(market.leverage()).funding(market.funding());
                }
                result = withRunFlags(backtest.bars(bars).strategy(strategy, instance).plugins(plugins), flags, terminal).run();
                report = RunReport.of(result, instance, bars);
            } catch (InvalidInputException e) {
                throw namingTheFlag(e, givenAs);
            }
            return finish(terminal, "backtest " + result.strategy() + " on " + result.symbol() + " " + result.timeframe()
                    + " (" + data + ")", result, report, out);
        } finally {
            if (jars != null) jars.close();
        }
    }

    /** A run over several pairs ({@code --symbols}): a lane per pair, each strategy made by name, the per-pair report. */
    private int runPairs(Options.Parsed flags, String strategy, Terminal terminal) {
        if (flags.value("symbol").isPresent()) throw new UsageException("--symbol and --symbols are both given; give one");
        if (strategy.equals(GridStrategyProvider.NAME)) {
            throw new UsageException("--symbols: the grid adds to its position level by level; a bot with pairs holds one position per pair");
        }
        if (PerpFlags.market(flags, workingDirectory, Optional.empty()).perpetual()) {
            throw new UsageException("--symbols: --market perp runs one symbol");
        }
        String symbols = flags.value("symbols").orElseThrow();
        Path out = flags.value("out").map(workingDirectory::resolve)
                .orElseGet(() -> RunDirectory.fresh(workingDirectory, strategy, symbols, clock));
        Map<String, List<Bar>> pairs = new LinkedHashMap<>();
        PairData.load(symbols, flags.value("data"), flags.value("timeframe").map(Timeframe::parse), workingDirectory)
                .forEach((symbol, bars) -> pairs.put(symbol, inRange(flags, bars)));
        Map<String, String> givenAs = new LinkedHashMap<>();
        Map<String, String> params = strategyParams(strategy, flags, givenAs);
        PluginJars jars = flags.value("plugins").map(dir -> PluginJars.open(workingDirectory.resolve(dir))).orElse(null);
        try {
            Plugins plugins = jars != null ? jars.plugins() : Plugins.discover(BacktestCommand.class.getClassLoader());
            BacktestResult result;
            try {
                result = withRunFlags(TradeKit.backtest().pairs(pairs).strategy(strategy, params).plugins(plugins), flags, terminal).run();
            } catch (InvalidInputException e) {
                throw namingTheFlag(e, givenAs);
            }
            ReportWriter report = RunReport.of(result, null, PairData.all(pairs)).section(RunReport.correlations(pairs));
            return finish(terminal, "backtest " + result.strategy() + " on " + result.symbol() + " " + result.timeframe(), result, report, out);
        } finally {
            if (jars != null) jars.close();
        }
    }

    /** The paper venue's and the run's flags, the same for one symbol and for pairs. */
    private static io.tradekit.core.BacktestBuilder withRunFlags(io.tradekit.core.BacktestBuilder backtest, Options.Parsed flags, Terminal terminal) {
        return backtest
                .cash(decimal(flags, "cash", "10000"))
                .feeBps(PaperVenueFlags.feeBps(flags))
                .slippageBps(PaperVenueFlags.slippageBps(flags))
                .fillModel(PaperVenueFlags.fillModel(flags))
                .participationCap(PaperVenueFlags.participationCap(flags))
                .risk(RiskFlags.limits(flags))
                .protection(ProtectionFlags.protections(flags))
                .progress(new ProgressBar(terminal));
    }

    /** Writes and prints the report; exit 1 when the run ended on a strategy failure (its figures are written, but it did not finish). */
    private static int finish(Terminal terminal, String title, BacktestResult result, ReportWriter report, Path out) {
        ReportFiles files = report.write(out);
        ReportPrinter.print(terminal, title, result, report, files);
        if (result.endedOnStrategyFailure()) {
            terminal.err().println("the run ended on a strategy failure: " + result.strategyFailure().get().describe());
            return 1;
        }
        return 0;
    }

    /**
     * The strategy's parameters from {@code --param} and, for the grid, its own flags and the fee it plans
     * with (the venue's {@code --fee-bps} unless given); {@code givenAs} learns how each was given, so that
     * an error about one names the flag to fix. Backtest and replay build them the same way.
     */
    static Map<String, String> strategyParams(String strategy, Options.Parsed flags, Map<String, String> givenAs) {
        Map<String, String> params = params(flags.values("param"));
        params.forEach((k, v) -> givenAs.put(k, "--param " + k + "=" + v));
        Map<String, String> gridFlags = GridFlags.given(flags);
        if (!gridFlags.isEmpty() && !strategy.equals(GridStrategyProvider.NAME)) {
            throw new UsageException("--" + gridFlags.keySet().iterator().next() + " is a flag of --strategy " + GridStrategyProvider.NAME
                    + ", not of " + strategy + "; give " + strategy + "'s parameters with --param KEY=VALUE");
        }
        gridFlags.forEach((k, v) -> {
            if (params.containsKey(k)) throw new UsageException("--" + k + " and --param " + k + "=... are both given; give one");
            params.put(k, v);
            givenAs.put(k, "--" + k + " " + v);
        });

        if (strategy.equals(GridStrategyProvider.NAME)) {
            // The grid plans with the fee the paper venue will charge unless told otherwise.
            String fee = PaperVenueFlags.feeBpsText(flags);
            params.putIfAbsent("maker-fee-bps", fee);
            params.putIfAbsent("taker-fee-bps", fee);
            givenAs.putIfAbsent("maker-fee-bps", "--fee-bps " + fee);
            givenAs.putIfAbsent("taker-fee-bps", "--fee-bps " + fee);
        }
        return params;
    }

    /** The error with the flag that gave the parameter it is about in front, when it is about one the command line gave. */
    static InvalidInputException namingTheFlag(InvalidInputException e, Map<String, String> givenAs) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        for (Map.Entry<String, String> given : givenAs.entrySet()) {
            if (message.contains("'" + given.getKey() + "'")) return new InvalidInputException(given.getValue() + ": " + message, e);
        }
        return e;
    }

    /** The bars inside {@code --timerange}, or all of them without it. Backtest and replay cut the data the same way. */
    static List<Bar> inRange(Options.Parsed flags, List<Bar> bars) {
        return flags.value(TimeRange.FLAG).map(TimeRange::parse).map(range -> range.apply(bars)).orElse(bars);
    }

    /** The bars' CSV file, when the data is a file rather than a bundled data set. */
    static Optional<Path> dataFile(String data, Path workingDirectory) {
        return DataSets.names().contains(data) ? Optional.empty() : Optional.of(workingDirectory.resolve(data));
    }

    static Map<String, String> params(List<String> pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new UsageException("--param '" + pair + "' is not KEY=VALUE (e.g. --param fast=5)");
            String key = pair.substring(0, eq).trim();
            if (params.put(key, pair.substring(eq + 1).trim()) != null) throw new UsageException("--param " + key + " is given twice");
        }
        return params;
    }

    private static BigDecimal decimal(Options.Parsed flags, String flag, String fallback) {
        return RiskFlags.decimal(flag, flags.value(flag, fallback));
    }

}
