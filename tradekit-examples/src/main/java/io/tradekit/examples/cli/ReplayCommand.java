package io.tradekit.examples.cli;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.Timeframe;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.Replay;
import io.tradekit.core.report.ReportFiles;
import io.tradekit.core.report.ReportWriter;
import io.tradekit.core.store.StateStores;
import io.tradekit.data.DataSets;
import io.tradekit.examples.modes.RunReport;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code tradekit replay}: runs the live engine (its own loop thread, a durable paper venue beside the
 * journal, the SQLite journal) over a data set on the data's clock, prints the summary and writes the same
 * {@code summary.json}, {@code trades.csv} and {@code report.html} as {@code backtest} (the grid's section
 * included), with the safety events the journal holds. Run again on the
 * same journal after a crash, it resumes where the bot stopped.
 */
public final class ReplayCommand implements Command {

    static final String JOURNAL = "bot.db";

    private final Options options = PerpFlags.declare(ProtectionFlags.declare(GridFlags.addTo(RiskFlags.declare(PaperVenueFlags.declareWithParticipationCap(new Options("replay")
            .value("strategy", "NAME", "strategy to run (default " + BacktestCommand.DEFAULT_STRATEGY + ")")
            .value("data", "SET|FILE", "data set (" + String.join(", ", DataSets.names()) + ") or a CSV file with the header "
                    + "timestamp,open,high,low,close,volume (default " + BacktestCommand.DEFAULT_DATA + ")")
            .value("db", "FILE", "the bot's SQLite journal; the paper venue's book goes beside it (default <out>/" + JOURNAL + ")")
            .value("out", "DIR", "where summary.json, trades.csv and report.html go (default runs/replay-<strategy>-<data>, "
                    + "the same for a resumed run)")
            .value(TimeRange.FLAG, TimeRange.SYNTAX, TimeRange.DESCRIPTION)
            .value("speed", "max|N", "bars per second, or max: as fast as the bot takes them (default max)")
            .value("cash", "AMOUNT", "starting cash in the quote asset, on the first run (default 10000)")
            .repeatable("param", "KEY=VALUE", "a strategy parameter, e.g. --param fast=5 --param slow=20")
            .value("plugins", "DIR", "load strategies and other plugins from every jar in DIR")
            .value("symbol", "SYMBOL", "the bars' symbol (a CSV file's default is its file name)")
            .value("timeframe", "TF", "a CSV file's timeframe, e.g. 5m (default: inferred from the rows' spacing)"))))));

    private final Path workingDirectory;

    /** Relative paths (data files, the journal, the output and plugin directories) are taken from the process's working directory. */
    public ReplayCommand() {
        this(Path.of(""));
    }

    /**
     * A command that takes relative paths from {@code workingDirectory}.
     *
     * @param workingDirectory where relative paths (data files, the journal, the output and plugin directories) are taken from
     */
    public ReplayCommand(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String summary() {
        return "run the live engine over historical bars with a journal; resumes after a crash";
    }

    @Override
    public String help() {
        return """
                usage: tradekit replay [flags]

                Runs the live engine (loop thread, paper venue with a durable book, SQLite journal) over historical
                bars on the data's clock, prints a summary and writes summary.json, trades.csv and report.html like
                backtest. Run it again with the same --db after a crash and it resumes after the last bar the journal
                marks as acted on: those bars only warm the strategy up. A resume with another --strategy, --param, --cash,
                --fee-bps, --slippage-bps, --fill-model or --participation-cap than the journal's is refused, naming the
                difference. The paper venue takes --fee-bps, --slippage-bps, --fill-model, --participation-cap and the
                perpetual flags (--market perp, --leverage, --funding-rate, --funding) like backtest's, and the same flags
                give the same fills as backtest.

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
        String strategy = flags.value("strategy", BacktestCommand.DEFAULT_STRATEGY);
        String data = flags.value("data", BacktestCommand.DEFAULT_DATA);
        // One directory per strategy and data, not per run: the journal in it is what a resumed run continues.
        Path out = workingDirectory.resolve(flags.value("out").orElse("runs/replay-" + RunDirectory.safe(strategy) + "-"
                + RunDirectory.safe(RunDirectory.dataLabel(data))));
        Path db = flags.value("db").map(workingDirectory::resolve).orElse(out.resolve(JOURNAL));
        try {
            StateStores.requireJournalPath(db); // before the paper venue writes its book beside it
        } catch (InvalidInputException e) {
            throw new UsageException("--db: " + e.getMessage());
        }
        double speed = speed(flags.value("speed", "max"));
        Optional<Timeframe> timeframe = flags.value("timeframe").map(Timeframe::parse);
        List<Bar> bars = BacktestCommand.inRange(flags, DataSets.load(data, workingDirectory, flags.value("symbol"), timeframe));
        PerpFlags.Market market = PerpFlags.market(flags, workingDirectory, BacktestCommand.dataFile(data, workingDirectory));
        BigDecimal cash = RiskFlags.decimal("cash", flags.value("cash", "10000"));
        if (cash.signum() <= 0) throw new InvalidInputException("--cash is " + cash.toPlainString() + ", expected a positive amount");

        PluginJars jars = flags.value("plugins").map(dir -> PluginJars.open(workingDirectory.resolve(dir))).orElse(null);
        try {
            Plugins plugins = jars != null ? jars.plugins() : Plugins.discover(ReplayCommand.class.getClassLoader());
            java.util.Map<String, String> givenAs = new java.util.LinkedHashMap<>();
            java.util.Map<String, String> params = BacktestCommand.strategyParams(strategy, flags, givenAs);
            io.tradekit.api.spi.Strategy made;
            try {
                made = plugins.strategy(strategy).create(Params.of(strategy, params));
            } catch (InvalidInputException e) {
                throw BacktestCommand.namingTheFlag(e, givenAs);
            }
            boolean resuming = Files.exists(db);
            if (resuming) terminal.err().println("replay: resuming from the journal " + db);
            Replay replay = Replay.over(bars);
            if (market.perpetual()) {
                replay.linearPerpetual(io.tradekit.core.perp.PaperMarginRules.DEFAULT).leverage(market.leverage()).funding(market.funding());
            }
            BacktestResult result = replay
                    .strategy(strategy, made, params)
                    .plugins(plugins)
                    .database(db)
                    .cash(cash)
                    .risk(RiskFlags.limits(flags))
                    .protection(ProtectionFlags.protections(flags))
                    .feeBps(PaperVenueFlags.feeBps(flags))
                    .slippageBps(PaperVenueFlags.slippageBps(flags))
                    .fillModel(PaperVenueFlags.fillModel(flags))
                    .participationCap(PaperVenueFlags.participationCap(flags))
                    .speed(speed)
                    .progress(new ProgressBar(terminal))
                    .run();
            ReportWriter report = RunReport.of(result, made, bars);
            ReportFiles files = report.write(out);
            ReportPrinter.print(terminal, "replay " + result.strategy() + " on " + result.symbol() + " " + result.timeframe() + " (" + data
                    + "), journal " + db, result, report, files);
            if (result.endedOnStrategyFailure()) {
                // The run's figures are written, but it did not finish as a run of the strategy: say so, and fail.
                terminal.err().println("the run ended on a strategy failure: " + result.strategyFailure().get().describe());
                return 1;
            }
            return 0;
        } finally {
            if (jars != null) jars.close();
        }
    }

    private static double speed(String text) {
        if (text.equals("max")) return 0;
        try {
            double v = Double.parseDouble(text.trim());
            if (v > 0 && Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--speed is '" + text + "', expected max or a positive number of bars per second");
    }
}
