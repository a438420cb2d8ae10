package io.tradekit.examples.modes;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.ExchangeSettings;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.BotBuilder;
import io.tradekit.core.Plugins;
import io.tradekit.core.Replay;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.report.ReportFiles;
import io.tradekit.core.report.ReportWriter;
import io.tradekit.core.sizing.PercentOfEquity;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import io.tradekit.config.BotConfig;
import io.tradekit.config.ConfigException;
import io.tradekit.config.ConfigProblem;
import io.tradekit.config.Mode;
import io.tradekit.config.ModeRequirements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One bot running from a {@link BotConfig} in {@code paper}, {@code live} or {@code dry-run} mode: the
 * runner behind the command line's {@code paper}, {@code live} and {@code dry-run} commands, usable as
 * is by a host or a test.
 * <ul>
 *   <li>{@code live}: the venue's adapter places the orders; the journal is {@code store.path}.</li>
 *   <li>{@code paper}: market data from the venue's adapter, fills by core's paper exchange
 *       ({@link PaperExchange#overMarketData}) with the {@code paper} account; its book lives in its own
 *       file beside the journal, so a paper bot resumes like a live one.</li>
 *   <li>{@code dry-run}: the venue's adapter wrapped in a {@link DryRunExchange}: it connects and warms up,
 *       and logs and records the orders it would send ({@code would-be-orders.jsonl} in its report
 *       directory), sending none. A dry-run bot never holds anything of its own, so it always takes the
 *       account's holding as given.</li>
 * </ul>
 * Each mode has its own journal ({@link BotConfig#journalFor}) and report directory
 * ({@link BotConfig#reportsFor}). {@link #open} checks the configuration for the mode and makes the
 * adapter without connecting; {@link #start} connects and starts trading; {@link #stop} stops, and
 * writes {@code summary.json}, {@code trades.csv} and {@code report.html} like a backtest.
 *
 * <pre>{@code try (TradingSession s = TradingSession.open(config, Mode.PAPER, Plugins.discover(), false, "bot.json")) {
 *     s.start();
 *     s.awaitBars(100, Duration.ofHours(9));
 *     SessionResult r = s.stop();
 * }}</pre>
 */
public final class TradingSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TradingSession.class);

    private final BotConfig config;
    private final Mode mode;
    private final Plugins plugins;
    private final ExchangeAdapter venue;
    private final List<Consumer<BotEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<WouldBeOrder>> orderListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong bars = new AtomicLong();
    /** The bars the strategy acted on, for the report's buy-and-hold return and price picture (written on the loop, read after it stops). */
    private final List<Bar> seen = Collections.synchronizedList(new ArrayList<>());
    private final Object barsChanged = new Object();
    private TradingBot bot;
    private DryRunExchange dryRun;
    private WouldBeOrderFile orderFile;
    private BigDecimal initialEquity;
    private long startedNanos;
    private SessionResult result;
    private boolean closed;
    private boolean released;

    private TradingSession(BotConfig config, Mode mode, Plugins plugins, ExchangeAdapter venue) {
        this.config = config;
        this.mode = mode;
        this.plugins = plugins;
        this.venue = venue;
    }

    /**
     * Checks {@code config} for {@code mode} ({@link ModeRequirements}) and makes the venue's adapter; nothing
     * connects yet. In paper mode the adapter gets no credentials: the real venue is asked for market data only.
     *
     * @param config the bot's configuration
     * @param mode paper, live or dry-run
     * @param plugins where the venue's adapter, the strategy and other plugins are found
     * @param liveConfirmed a confirmation of live trading given outside the file (e.g. a command-line flag)
     * @param source names the configuration in errors, e.g. its file
     * @return the session, not started
     * @throws ConfigException naming every field at fault
     */
    public static TradingSession open(BotConfig config, Mode mode, Plugins plugins, boolean liveConfirmed, String source) {
        Objects.requireNonNull(config, "config");
        ModeRequirements.check(config, mode, liveConfirmed, plugins, source);
        ExchangeAdapter adapter;
        try {
            // In paper mode the account is the paper one: the real venue is asked for market data only.
            var credentials = mode == Mode.PAPER ? java.util.Optional.<io.tradekit.api.Credentials>empty() : config.exchange().credentials();
            adapter = plugins.exchange(config.exchange().name())
                    .create(new ExchangeSettings(Params.of(config.exchange().name(), config.exchange().settings()), credentials));
        } catch (InvalidInputException e) {
            throw new ConfigException(source, List.of(new ConfigProblem(settingNamedIn(e.getMessage(), config), e.getMessage())));
        }
        return new TradingSession(config, mode, plugins, adapter);
    }

    private static String settingNamedIn(String message, BotConfig config) {
        for (String name : config.exchange().settings().keySet()) {
            if (message.contains("'" + name + "'")) return "exchange.settings." + name;
        }
        return "exchange.settings";
    }

    /**
     * The configuration the session was opened with.
     *
     * @return the configuration
     */
    public BotConfig config() {
        return config;
    }

    /**
     * The mode the session runs in.
     *
     * @return paper, live or dry-run
     */
    public Mode mode() {
        return mode;
    }

    /**
     * Listens to the bot's events (on its loop thread: return quickly); add before {@link #start}.
     *
     * @param listener told of every event of the bot
     * @return this session
     */
    public TradingSession onEvent(Consumer<BotEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Hears each order a dry run would have sent; add before {@link #start}.
     *
     * @param listener told of each would-be order; never called outside a dry run
     * @return this session
     */
    public TradingSession onWouldBeOrder(Consumer<WouldBeOrder> listener) {
        orderListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * The journal this session writes.
     *
     * @return the mode's journal file from the configuration
     */
    public Path journal() {
        return config.journalFor(mode);
    }

    /**
     * Where {@link #stop} writes the report (and a dry run its would-be orders).
     *
     * @return the mode's report directory from the configuration
     */
    public Path reports() {
        return config.reportsFor(mode);
    }

    /**
     * Connects to the venue, loads the instrument, the account and the warmup history, reconciles with
     * the journal and starts trading; returns once the bot is running.
     */
    public synchronized void start() {
        if (bot != null) throw new IllegalStateException("session of bot '" + config.name() + "' is already started");
        if (closed) throw new IllegalStateException("session of bot '" + config.name() + "' is closed");
        Path journal = journal();
        ExchangeAdapter tradingVenue = null;
        SqliteStateStore store = null;
        TradingBot built = null;
        try {
            createDirectoryOf(journal);
            tradingVenue = switch (mode) {
                case LIVE -> venue;
                case PAPER -> paperOver(venue, journal);
                case DRY_RUN -> dryRunOver(venue);
                default -> throw new IllegalStateException("mode " + mode.label() + " does not run as a session");
            };
            store = StateStores.sqlite(journal);
            BotBuilder builder = TradeKit.bot(config.name())
                    .exchange(tradingVenue)
                    .symbol(config.symbol())
                    .timeframe(config.timeframe())
                    .strategy(config.strategy().name(), config.strategy().params())
                    .plugins(plugins)
                    .risk(io.tradekit.config.ProtectionSettings.limitsOnly(config.risk()))
                    .protection(io.tradekit.config.ProtectionSettings.from(config.risk()))
                    .store(store)
                    .sizer(new PercentOfEquity(config.sizing().fractionOfEquity()))
                    .takerFeeRate(config.sizing().takerFeeRate())
                    .leverage(config.leverage())
                    .ackTimeout(config.engine().ackTimeout())
                    .cancelUnknownOrders(config.engine().cancelUnknownOrders())
                    .adoptVenuePosition(mode == Mode.DRY_RUN || config.engine().adoptVenuePosition())
                    .maxCatchUpBars(config.engine().maxCatchUpBars())
                    .onEvent(this::count);
            config.engine().staleAfter().ifPresent(builder::staleAfter);
            if (!config.pairs().isEmpty()) builder.pairs(config.pairs());
            config.budget().ifPresent(builder::budget);
            for (Consumer<BotEvent> l : listeners) builder.onEvent(l);
            built = builder.build();
            built.start();
        } catch (RuntimeException e) {
            // Everything this start opened is released here; close() has nothing left to do.
            closed = true;
            released = true;
            try {
                if (built != null) {
                    built.close();
                } else {
                    if (store != null) store.close();
                    (tradingVenue != null ? tradingVenue : venue).close();
                }
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            } finally {
                closeOrderFile();
            }
            throw e;
        }
        bot = built;
        startedNanos = System.nanoTime();
        // The report covers the whole journal, so it is measured from the equity the journal began with, not this session's.
        initialEquity = built.startingEquity();
        log.info("{} bot '{}' started: {} {} {} on {}, journal {}", mode.label(), config.name(), config.strategy().name(), config.symbol(),
                config.timeframe(), config.exchange().name(), journal);
    }

    private static void createDirectoryOf(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the directory of " + file, e);
        }
    }

    private ExchangeAdapter paperOver(ExchangeAdapter marketData, Path journal) {
        List<Instrument> instruments = new java.util.ArrayList<>();
        for (String symbol : config.symbols()) {
            Instrument listed = marketData.instrument(symbol);
            // "market": "perp" trades the listed symbol's prices as a linear perpetual: under the venue's own margin rules when it
            // lists one (Bybit linear), else under the paper venue's.
            instruments.add(!config.market().isDerivative() || listed.isDerivative() ? listed
                    : listed.asLinearPerpetual(io.tradekit.core.perp.PaperMarginRules.DEFAULT));
        }
        PaperSettings settings = PaperSettings.of(instruments, java.util.Map.of(instruments.get(0).quoteAsset(), config.paper().cash()))
                .withFees(config.paper().makerFeeBps(), config.paper().takerFeeBps())
                .withSlippage(config.paper().slippageBps());
        return PaperExchange.overMarketData(marketData, settings, Replay.paperBookFor(journal));
    }

    private ExchangeAdapter dryRunOver(ExchangeAdapter real) {
        dryRun = new DryRunExchange(real);
        orderFile = new WouldBeOrderFile(reports().resolve(WouldBeOrderFile.FILE_NAME));
        dryRun.onWouldBeOrder(orderFile);
        for (Consumer<WouldBeOrder> l : orderListeners) dryRun.onWouldBeOrder(l);
        return dryRun;
    }

    private void count(BotEvent event) {
        if (event instanceof BotEvent.BarProcessed processed) {
            seen.add(processed.bar());
            bars.incrementAndGet();
            synchronized (barsChanged) {
                barsChanged.notifyAll();
            }
        }
    }

    /**
     * The running bot: ask it for its state, position, orders; pause, resume or flatten it.
     *
     * @return the bot
     * @throws IllegalStateException when the session is not started
     */
    public synchronized TradingBot bot() {
        if (bot == null) throw new IllegalStateException("session of bot '" + config.name() + "' is not started");
        return bot;
    }

    /**
     * Bars the strategy has acted on since {@link #start}.
     *
     * @return the count
     */
    public long barsProcessed() {
        return bars.get();
    }

    /**
     * Waits until the strategy has acted on {@code count} bars since the start, at most {@code timeout}.
     *
     * @param count the bars to wait for
     * @param timeout the longest wait (wall time)
     * @return whether the strategy acted on {@code count} bars in time
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitBars(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (barsChanged) {
            while (bars.get() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                barsChanged.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /**
     * The orders a dry run would have sent so far (always empty in other modes).
     *
     * @return a copy, in order
     */
    public List<WouldBeOrder> wouldBeOrders() {
        return dryRun == null ? List.of() : dryRun.wouldBeOrders();
    }

    /**
     * Stops trading (open orders stay at the venue), journals the final state, closes the venue and writes
     * the report; a second call returns the first result.
     *
     * @return the session's figures, report and (for a dry run) would-be orders
     * @throws IllegalStateException when the session was not started
     */
    public synchronized SessionResult stop() {
        if (result != null) return result;
        if (bot == null) throw new IllegalStateException("session of bot '" + config.name() + "' was not started");
        List<WouldBeOrder> wouldBe = wouldBeOrders();
        BacktestResult figures;
        try {
            figures = ReplayDriver.of(bot).stopWithResult(config.strategy().name(), bars.get(), startedNanos, initialEquity);
        } finally {
            closeOrderFile();
            closed = true;
        }
        // The strategy's own figures too (the grid's ledger of round trips, restored across restarts from the journal).
        ReportWriter report = RunReport.of(figures, bot.strategy(), barsSeen());
        ReportFiles files = report.write(reports());
        result = new SessionResult(figures, report, files, wouldBe);
        log.info("{} bot '{}' stopped after {} bars; report in {}", mode.label(), config.name(), bars.get(), reports());
        return result;
    }

    private List<Bar> barsSeen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** Stops the bot if it runs (without a report) and releases the venue. */
    @Override
    public synchronized void close() {
        if (result != null || released) return;
        closed = true;
        released = true;
        try {
            if (bot != null) bot.close();
            else venue.close();
        } finally {
            closeOrderFile();
        }
    }

    private void closeOrderFile() {
        if (orderFile != null) {
            orderFile.close();
            orderFile = null;
        }
    }
}
