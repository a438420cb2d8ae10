package io.tradekit.core;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.store.StateStores;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the live engine (its own loop thread, a durable paper venue, the SQLite journal) over a data
 * set, on the data's clock. The journal marks each bar once the bot is done with it. Run it again on the
 * same files after a crash and it resumes: the journal and the paper venue's book are reconciled, the bars
 * up to the last one the bot acted on (the one marked, or a later one whose orders and strategy state the journal
 * holds) only warm the bot up, and the rest are fed as if the bot had never stopped (a bar the paper venue had
 * already played to its end is not played there again). A run resumed with another
 * strategy, other parameters, cash, fees, slippage or fill model is refused, naming the difference.
 *
 * <pre>{@code BacktestResult r = Replay.over(bars).strategy("sma-cross", strategy).instrument(inst)
 *     .database(Path.of("runs/r1/bot.db")).run();}</pre>
 */
public final class Replay {

    private final List<Bar> bars;
    private Instrument instrument;
    private Strategy strategy;
    private String strategyName;
    private Map<String, String> strategyParameters = Map.of();
    private PaperSettings paper;
    private BigDecimal cash = new BigDecimal("10000");
    private Path database;
    private RiskLimits limits = RiskLimits.none();
    private double barsPerSecond;
    private ProgressListener progress = ProgressListener.NONE;
    private Plugins plugins;
    private BigDecimal makerFeeBps = BigDecimal.TEN;
    private BigDecimal takerFeeBps = BigDecimal.TEN;
    private BigDecimal slippageBps = BigDecimal.ZERO;
    private io.tradekit.core.paper.FillModel fillModel = io.tradekit.core.paper.FillModel.CLOSE;
    private BigDecimal participationCap = BigDecimal.ZERO;
    private io.tradekit.core.protection.Protections protections = io.tradekit.core.protection.Protections.none();
    private BigDecimal leverage = BigDecimal.ONE;
    private io.tradekit.api.MarginRules perpetualRules;
    private io.tradekit.core.perp.FundingRates funding = io.tradekit.core.perp.FundingRates.NONE;

    private Replay(List<Bar> bars) {
        this.bars = List.copyOf(bars);
    }

    /**
     * Starts setting up a replay over {@code bars}, all of one symbol and timeframe, oldest first.
     *
     * @param bars the bars; copied
     * @return a new replay to configure
     * @throws io.tradekit.api.InvalidInputException if {@code bars} is null or empty
     */
    public static Replay over(List<Bar> bars) {
        if (bars == null || bars.isEmpty()) throw new InvalidInputException("replay: no bars");
        return new Replay(bars);
    }

    /**
     * The strategy to run, with no parameters recorded; see {@link #strategy(String, Strategy, Map)}.
     *
     * @param name     the name the journal records and the result reports
     * @param strategy the strategy
     * @return this replay
     */
    public Replay strategy(String name, Strategy strategy) {
        return strategy(name, strategy, Map.of());
    }

    /**
     * A strategy made from {@code parameters}: the journal records them with the strategy's name, and a replay
     * resumed on that journal with other parameters is refused, naming the difference.
     *
     * @param name       the name the journal records and the result reports
     * @param strategy   the strategy
     * @param parameters the parameters it was made from; copied
     * @return this replay
     */
    public Replay strategy(String name, Strategy strategy, Map<String, String> parameters) {
        this.strategyName = name;
        this.strategy = strategy;
        this.strategyParameters = Map.copyOf(parameters);
        return this;
    }

    /**
     * The instrument traded (default: derived from the bars).
     *
     * @param instrument the instrument
     * @return this replay
     */
    public Replay instrument(Instrument instrument) {
        this.instrument = instrument;
        return this;
    }

    /**
     * The paper venue's settings; by default the instrument with {@link #cash}, {@link #feeBps}, {@link #slippageBps} and {@link #fillModel}.
     * When given, those setters (and {@link #participationCap} and {@link #funding}) have no effect.
     *
     * @param settings the paper venue's settings
     * @return this replay
     */
    public Replay paper(PaperSettings settings) {
        this.paper = settings;
        return this;
    }

    /**
     * Maker and taker fee of the paper venue in basis points (10 = 0.1 %; default 10), as a backtest's {@code feeBps}.
     *
     * @param bps the fee in basis points
     * @return this replay
     */
    public Replay feeBps(BigDecimal bps) {
        this.makerFeeBps = bps;
        this.takerFeeBps = bps;
        return this;
    }

    /**
     * Slippage on market orders in basis points (default 0).
     *
     * @param bps the slippage in basis points
     * @return this replay
     */
    public Replay slippageBps(BigDecimal bps) {
        this.slippageBps = bps;
        return this;
    }

    /**
     * Where market orders placed at a bar's close fill: that close (default) or the next bar's open.
     *
     * @param model the fill model; not null
     * @return this replay
     * @throws NullPointerException if {@code model} is null
     */
    public Replay fillModel(io.tradekit.core.paper.FillModel model) {
        this.fillModel = Objects.requireNonNull(model);
        return this;
    }

    /**
     * At most {@code fraction} of each bar's volume fills for the bot in that bar, as a backtest's {@code participationCap} (0: no cap).
     *
     * @param fraction a fraction of the bar's volume (0.1 = 10 %); not null
     * @return this replay
     * @throws NullPointerException if {@code fraction} is null
     */
    public Replay participationCap(BigDecimal fraction) {
        this.participationCap = Objects.requireNonNull(fraction, "participationCap");
        return this;
    }

    /**
     * The leverage of a replay on a perpetual instrument, as a backtest's {@code leverage} (default 1).
     *
     * @param leverage the leverage, e.g. 3 for 3x; not null
     * @return this replay
     * @throws NullPointerException if {@code leverage} is null
     */
    public Replay leverage(BigDecimal leverage) {
        this.leverage = Objects.requireNonNull(leverage);
        return this;
    }

    /**
     * Trades the instrument (given, or derived from the bars) as a linear perpetual under {@code rules}, as a backtest's.
     *
     * @param rules the margin rules; not null
     * @return this replay
     * @throws NullPointerException if {@code rules} is null
     */
    public Replay linearPerpetual(io.tradekit.api.MarginRules rules) {
        this.perpetualRules = Objects.requireNonNull(rules);
        return this;
    }

    /**
     * The funding rates of the paper venue's perpetual positions, as a backtest's {@code funding} (default none).
     *
     * @param rates the funding rates; not null
     * @return this replay
     * @throws NullPointerException if {@code rates} is null
     */
    public Replay funding(io.tradekit.core.perp.FundingRates rates) {
        this.funding = Objects.requireNonNull(rates);
        return this;
    }

    /**
     * The paper venue's starting balance in the quote asset (default 10 000); part of the identity a resumed run must match.
     *
     * @param cash the starting balance
     * @return this replay
     */
    public Replay cash(BigDecimal cash) {
        this.cash = cash;
        return this;
    }

    /**
     * The bot's journal; the paper venue keeps its book beside it (see {@link #paperBookFor}). Required; missing
     * parent directories are created by {@link #run()}.
     *
     * @param file the SQLite journal file
     * @return this replay
     */
    public Replay database(Path file) {
        this.database = file;
        return this;
    }

    /**
     * The risk limits the bot's orders are checked against (default {@link RiskLimits#none()}).
     *
     * @param limits the limits; not null
     * @return this replay
     * @throws NullPointerException if {@code limits} is null
     */
    public Replay risk(RiskLimits limits) {
        this.limits = Objects.requireNonNull(limits);
        return this;
    }

    /**
     * Bars per second to feed; 0 or less (the default) means as fast as the bot consumes them.
     *
     * @param barsPerSecond the feed rate
     * @return this replay
     */
    public Replay speed(double barsPerSecond) {
        this.barsPerSecond = barsPerSecond;
        return this;
    }

    /**
     * Told how many bars have been fed as the replay goes (every 64 bars and at the last).
     *
     * @param listener the listener, called on the caller's thread; not null
     * @return this replay
     * @throws NullPointerException if {@code listener} is null
     */
    public Replay progress(ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener);
        return this;
    }

    /**
     * Stop-loss, take-profit and trailing protections on the bot's position, as a backtest's {@code protection}.
     *
     * @param protections the protections; not null
     * @return this replay
     * @throws NullPointerException if {@code protections} is null
     */
    public Replay protection(io.tradekit.core.protection.Protections protections) {
        this.protections = Objects.requireNonNull(protections);
        return this;
    }

    /**
     * The plugins the bot is built with (default: the bot builder's own).
     *
     * @param plugins the plugins; null for the default
     * @return this replay
     */
    public Replay plugins(Plugins plugins) {
        this.plugins = plugins;
        return this;
    }

    /**
     * Where the paper venue's book of a replay on {@code database} is kept: beside it, {@code bot.db} giving {@code bot.paper.db}
     * (a name without {@code .db} gets {@code .paper.db} appended).
     *
     * @param database the bot's journal file
     * @return the paper book's file
     */
    public static Path paperBookFor(Path database) {
        String name = database.getFileName().toString();
        String stem = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
        return database.resolveSibling(stem + ".paper.db");
    }

    /**
     * Runs (or resumes) the replay to the last bar on the bot's loop thread, waiting for it on the caller's thread, and
     * stops the bot.
     *
     * @return the run's trades, equity curve and figures
     * @throws io.tradekit.api.InvalidInputException if no strategy or database was given, the database's directory cannot
     *         be created, the strategy refused its input, or the journal belongs to another setup (strategy, parameters,
     *         cash, fees...), naming the difference
     * @throws io.tradekit.core.store.UnrecoverableStateException if the journal cannot be trusted
     */
    public BacktestResult run() {
        if (strategy == null) throw new InvalidInputException("replay: no strategy");
        if (database == null) throw new InvalidInputException("replay: no database; call .database(Path.of(\"runs/r1/bot.db\"))");
        Bar first = bars.get(0);
        Instrument given = instrument != null ? instrument : io.tradekit.core.internal.DefaultInstrument.forBars(first.symbol(), bars);
        Instrument inst = perpetualRules != null ? given.asLinearPerpetual(perpetualRules) : given;
        PaperSettings settings = paper != null ? paper : PaperSettings.of(inst, cash).withFees(makerFeeBps, takerFeeBps)
                .withSlippage(slippageBps).withFillModel(fillModel).withParticipationCap(participationCap).withFunding(funding);
        try {
            if (database.getParent() != null) Files.createDirectories(database.getParent());
        } catch (java.io.IOException e) {
            throw new InvalidInputException("replay: cannot create " + database.getParent() + ": " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        PaperExchange venue = PaperExchange.durable(settings, paperBookFor(database));
        BotBuilder builder = TradeKit.bot("replay").exchange(venue).symbol(inst.symbol()).timeframe(first.timeframe())
                .strategy(strategyName, strategy, strategyParameters).store(StateStores.sqlite(database)).risk(limits).dataClock()
                .equityInterval(first.timeframe().duration()).protection(protections).leverage(leverage);
        if (plugins != null) builder.plugins(plugins);
        BigDecimal initial = settings.balances().getOrDefault(inst.quoteAsset(), BigDecimal.ZERO);
        TradingBot bot = builder.build();
        bot.engine().setStrategyName(strategyName == null ? strategy.getClass().getSimpleName() : strategyName);
        try {
            // What the bot journals before its first bar is stamped in market time: where the data or the venue's book starts.
            Instant venueNow = venue.matchingEngine().now();
            bot.startClockAt(venueNow.isAfter(first.openTime()) ? venueNow : first.openTime());
            // The bars up to the last one the bot acted on only warm the bot up, before it reconciles.
            List<Bar> seen = new ArrayList<>();
            bot.start(lastBar -> {
                Instant resumeAfter = lastBar.orElse(Instant.MIN);
                for (Bar bar : bars) {
                    if (bar.closeTime().isAfter(resumeAfter)) break;
                    seen.add(bar);
                }
                return seen;
            });
            // A resumed bot may have answered fills it reconciled: its orders reach the venue before the data goes on.
            bot.awaitIdle(java.time.Duration.ofSeconds(30));
            int next = seen.size();
            long total = bars.size();
            long pauseNanos = barsPerSecond > 0 ? (long) (1e9 / barsPerSecond) : 0;
            for (int i = next; i < total; i++) {
                long t0 = System.nanoTime();
                bot.feed(bars.get(i));
                if (i % 64 == 0 || i == total - 1) progress.progress(i + 1, total);
                if (pauseNanos > 0) {
                    long left = pauseNanos - (System.nanoTime() - t0);
                    if (left > 0) java.util.concurrent.locks.LockSupport.parkNanos(left);
                }
            }
            BacktestResult result = bot.stopWithResult(strategyName == null ? strategy.getClass().getSimpleName() : strategyName, total, started, initial);
            // The bot has stopped: its state is the caller's to read. Input the strategy refused ends the run as bad input.
            var invalid = bot.engine().invalidStrategyInput();
            if (invalid.isPresent()) throw invalid.get();
            return result;
        } finally {
            bot.close();
        }
    }
}
