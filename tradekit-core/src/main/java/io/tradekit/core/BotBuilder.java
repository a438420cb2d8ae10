package io.tradekit.core;

import io.tradekit.api.Credentials;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.ExchangeSettings;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.StateStore;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.errors.HealthSettings;
import io.tradekit.core.internal.RiskPolicies;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.internal.SafetyConfig;
import io.tradekit.core.protection.Protections;
import io.tradekit.core.sizing.PercentOfEquity;
import io.tradekit.core.sizing.PositionSizer;
import io.tradekit.core.store.BotIdentity;
import io.tradekit.core.store.JournalClaim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Composes a {@link TradingBot}. Nothing connects or trades until {@link TradingBot#start()}; every
 * setting is checked in {@link #build()}, whose error names what is missing or wrong.
 *
 * <p>A bot may trade several pairs ({@link #pairs}): one lane per pair, each with a fresh strategy made with the
 * same name and parameters, on one loop, one account, one journal and one safety manager, with at most one open
 * position per pair. Bots that share an account each get a {@link #budget}:
 *
 * <pre>{@code TradeKit.bot("majors").exchange(venue).pairs(List.of("BTCUSDT", "ETHUSDT")).timeframe(Timeframe.M5)
 *     .strategy("sma-cross", params).budget(Budget.fraction(new BigDecimal("0.25"))).build();}</pre>
 */
public final class BotBuilder {

    private final String id;
    private ExchangeAdapter adapter;
    private String exchangeName;
    private Credentials credentials;
    private Map<String, String> exchangeParams = Map.of();
    private String symbol;
    private List<String> pairs;
    private io.tradekit.core.sizing.Budget budget;
    private java.util.function.Supplier<? extends Strategy> strategyFactory;
    private Timeframe timeframe = Timeframe.M1;
    private String strategyName;
    private Map<String, String> strategyParams = Map.of();
    private Strategy strategy;
    private String objectStrategyName;
    private Map<String, String> objectStrategyParams = Map.of();
    private RiskLimits limits = RiskLimits.none();
    private StateStore store;
    private PositionSizer sizer = PercentOfEquity.all();
    private BigDecimal takerFeeRate;
    private BigDecimal leverage = BigDecimal.ONE;
    private Plugins plugins;
    private Duration staleAfter;
    private int maxCatchUpBars = io.tradekit.core.internal.MissedBars.DEFAULT_MAX_BARS;
    private Duration safetyInterval = Duration.ofSeconds(5);
    private boolean dataClock;
    private Duration equityInterval = Duration.ofMinutes(1);
    private Duration snapshotInterval = Duration.ofMinutes(5);
    private boolean cancelUnknownOrders;
    private boolean adoptVenuePosition;
    private String account = "";
    private Duration ackTimeout = Duration.ofSeconds(10);
    private Duration fundingCheck = Duration.ofMinutes(15);
    private boolean stopOnStrategyFailure;
    private boolean followOrderBook;
    private final List<Consumer<BotEvent>> listeners = new ArrayList<>();
    private SafetyConfig safety = SafetyConfig.defaults();
    private ApprovalSettings approvals;
    private Duration metricsInterval = Duration.ofMinutes(1);
    private io.tradekit.core.store.Retention retention = io.tradekit.core.store.Retention.defaults();

    BotBuilder(String id) {
        if (id == null || id.isBlank()) throw new InvalidInputException("a bot needs an id, e.g. TradeKit.bot(\"btc-grid\")");
        this.id = id;
    }

    /**
     * A venue by name, found through ServiceLoader ({@code binance}, {@code bybit}, {@code kraken}).
     *
     * @param name        the venue's name, e.g. {@code binance}, or {@code paper}
     * @param credentials the API key and secret, or null for a venue that needs none
     * @return this builder
     */
    public BotBuilder exchange(String name, Credentials credentials) {
        return exchange(name, credentials, Map.of());
    }

    /**
     * A venue by name with its settings (for example base URLs for a testnet or a local simulator).
     *
     * @param name        the venue's name
     * @param credentials the API key and secret, or null
     * @param settings    the venue's settings, e.g. its base URL
     * @return this builder
     */
    public BotBuilder exchange(String name, Credentials credentials, Map<String, String> settings) {
        this.exchangeName = name;
        this.credentials = credentials;
        this.exchangeParams = Map.copyOf(settings);
        this.adapter = null;
        return this;
    }

    /**
     * A venue the host made itself, e.g. a {@link io.tradekit.core.paper.PaperExchange}.
     *
     * @param adapter the venue adapter the host made
     * @return this builder
     */
    public BotBuilder exchange(ExchangeAdapter adapter) {
        this.adapter = adapter;
        this.exchangeName = null;
        return this;
    }

    /**
     * The symbol the bot trades, as its venue spells it.
     *
     * @param symbol e.g. {@code BTCUSDT}
     * @return this builder
     */
    public BotBuilder symbol(String symbol) {
        this.symbol = symbol;
        this.pairs = null;
        return this;
    }

    /**
     * The pairs the bot trades, on one venue and one quote asset, in this order (the first is its {@link TradingBot#symbol()}): a lane per pair with its own strategy instance, and one open position per pair at most (see {@link BotBuilder}).
     *
     * @param symbols the symbols, none twice
     * @return this builder
     */
    public BotBuilder pairs(List<String> symbols) {
        this.pairs = List.copyOf(Objects.requireNonNull(symbols, "symbols"));
        this.symbol = pairs.isEmpty() ? null : pairs.get(0);
        return this;
    }

    /**
     * The share of a shared account this bot may use (see {@link io.tradekit.core.sizing.Budget}): sizing and risk read the bot's own books from that capital, and the order gate refuses entries beyond it. Default: the whole account.
     *
     * @param budget the bot's share of the account
     * @return this builder
     */
    public BotBuilder budget(io.tradekit.core.sizing.Budget budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
        return this;
    }

    /**
     * The timeframe of the bars the strategy trades on.
     *
     * @param timeframe e.g. {@code Timeframe.parse("1m")}
     * @return this builder
     */
    public BotBuilder timeframe(Timeframe timeframe) {
        this.timeframe = timeframe;
        return this;
    }

    /**
     * A strategy found by name through {@link java.util.ServiceLoader}, made from its parameters.
     *
     * @param name   the strategy's name, e.g. {@code sma-cross}
     * @param params its parameters; the journal records them, and a restart with others is refused
     * @return this builder
     */
    public BotBuilder strategy(String name, Map<String, String> params) {
        this.strategyName = name;
        this.strategyParams = Map.copyOf(params);
        this.strategy = null;
        this.strategyFactory = null;
        return this;
    }

    /**
     * A strategy made by the host, one fresh instance per pair from {@code factory}, under the name its journal records: what a bot with several pairs needs when its strategy is not found by name.
     *
     * @param name    the strategy's name, as the journal records it
     * @param factory makes one strategy per pair
     * @return this builder
     */
    public BotBuilder strategyPerPair(String name, java.util.function.Supplier<? extends Strategy> factory) {
        this.strategyFactory = Objects.requireNonNull(factory, "factory");
        this.strategy = null;
        this.strategyName = null;
        this.objectStrategyName = Objects.requireNonNull(name, "name");
        this.objectStrategyParams = Map.of();
        return this;
    }

    /**
     * A strategy the host made itself.
     *
     * @param strategy the strategy object
     * @return this builder
     */
    public BotBuilder strategy(Strategy strategy) {
        this.strategy = strategy;
        this.strategyFactory = null;
        this.strategyName = null;
        this.objectStrategyName = null;
        this.objectStrategyParams = Map.of();
        return this;
    }

    /**
     * A strategy object under the name its journal records (see {@link BotIdentity}); a bot restarted on the journal with a strategy of another name is refused. Without a name the object's class names it.
     *
     * @param name     the strategy's name, as the journal records it
     * @param strategy the strategy object
     * @return this builder
     */
    public BotBuilder strategy(String name, Strategy strategy) {
        strategy(strategy);
        this.objectStrategyName = name;
        return this;
    }

    /**
     * A strategy object made from {@code parameters}, under the name and with the parameters its journal records: a bot restarted on the journal with another name or other parameters is refused, naming the difference.
     *
     * @param name       the strategy's name, as the journal records it
     * @param strategy   the strategy object
     * @param parameters the parameters it was made from
     * @return this builder
     */
    public BotBuilder strategy(String name, Strategy strategy, Map<String, String> parameters) {
        strategy(name, strategy);
        this.objectStrategyParams = Map.copyOf(parameters);
        return this;
    }

    /**
     * The risk limits; each rule must be enforced by a policy on the classpath, or {@link #build()} refuses the bot.
     *
     * @param limits the limits
     * @return this builder
     */
    public BotBuilder risk(RiskLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /**
     * The bot's journal. A bot on a real-time clock is refused a store that is not {@link StateStore#durable() durable}; given no store at all, a bot journals in memory and does not resume after a restart.
     *
     * @param store the store, e.g. {@code StateStores.sqlite(Path.of("bot.db"))}
     * @return this builder
     */
    public BotBuilder store(StateStore store) {
        this.store = store;
        return this;
    }

    /**
     * How the bot sizes the orders its strategy asks for.
     *
     * @param sizer the position sizer
     * @return this builder
     */
    public BotBuilder sizer(PositionSizer sizer) {
        this.sizer = Objects.requireNonNull(sizer, "sizer");
        return this;
    }

    /**
     * The taker fee the sizer leaves room for, as a fraction (default 0.001).
     *
     * @param rate a fraction in [0, 1), e.g. 0.001 for 10 bps
     * @return this builder
     */
    public BotBuilder takerFeeRate(BigDecimal rate) {
        this.takerFeeRate = rate;
        return this;
    }

    /**
     * The leverage of a bot on a perpetual (default 1): set at the venue when the bot starts, used by sizing (the margin of an entry is its notional over the leverage) and the bot's margin figures. A spot bot refuses any other value than 1 at start.
     *
     * @param leverage the leverage, 1 or more
     * @return this builder
     */
    public BotBuilder leverage(BigDecimal leverage) {
        this.leverage = Objects.requireNonNull(leverage, "leverage");
        return this;
    }

    /**
     * Where strategies, risk policies, venues and stores are found by name (default: {@link Plugins#discover()}).
     *
     * @param plugins the plugins
     * @return this builder
     */
    public BotBuilder plugins(Plugins plugins) {
        this.plugins = plugins;
        return this;
    }

    /**
     * How many bars of one pair that closed while a live bot was down it acts on when restarted, in order, before its
     * stream (default 100); a restart that missed more is
     * refused, saying how many, so that acting on a long backlog is a choice. Replays and backtests feed their own bars.
     *
     * @param bars the most missed bars of one pair a restart acts on; 0 refuses a restart that missed any
     * @return this builder
     * @throws io.tradekit.api.InvalidInputException if {@code bars} is negative
     */
    public BotBuilder maxCatchUpBars(int bars) {
        if (bars < 0) throw new io.tradekit.api.InvalidInputException("maxCatchUpBars is " + bars + ", expected 0 or more");
        this.maxCatchUpBars = bars;
        return this;
    }

    /**
     * Market data older than this stops new orders (default: three bars).
     *
     * @param age how old market data may be
     * @return this builder
     */
    public BotBuilder staleAfter(Duration age) {
        this.staleAfter = age;
        return this;
    }

    /**
     * How often safety is evaluated on a timer, besides after every fill.
     *
     * @param interval a positive interval
     * @return this builder
     */
    public BotBuilder safetyInterval(Duration interval) {
        this.safetyInterval = interval;
        return this;
    }

    /**
     * Runs the bot's clock on the data's time instead of the wall clock: for replays, where the data is historical and flows as fast as the bot consumes it (see {@link ReplayDriver#feed(io.tradekit.api.Bar)}).
     *
     * @return this builder
     */
    public BotBuilder dataClock() {
        this.dataClock = true;
        return this;
    }

    /**
     * How often the whole bot state (strategy state included) is saved as a snapshot while it runs, on the wall clock (default every 5 minutes); one is always saved on stop. The store keeps the last few.
     *
     * @param interval a positive interval
     * @return this builder
     */
    public BotBuilder snapshotInterval(Duration interval) {
        if (interval == null || interval.isNegative() || interval.toMillis() < 1) {
            throw new InvalidInputException("bot '" + id + "': snapshot interval must be at least a millisecond, got " + interval);
        }
        this.snapshotInterval = interval;
        return this;
    }

    /**
     * How often equity is journaled (default every minute of the bot's clock).
     *
     * @param interval a positive interval
     * @return this builder
     */
    public BotBuilder equityInterval(Duration interval) {
        this.equityInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /**
     * How long a sent order may wait for the venue's answer before the bot looks it up (default 10 s).
     *
     * @param timeout a positive timeout, on wall time
     * @return this builder
     */
    public BotBuilder ackTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new InvalidInputException("bot '" + id + "': ack timeout must be positive, got " + timeout);
        }
        this.ackTimeout = timeout;
        return this;
    }

    /**
     * How often a live bot on perpetuals asks the venue for its funding settlements (default 15 minutes, wall time), to
     * apply any that the stream did not deliver, such as one settled while the stream was down whose resync failed.
     * Each settlement counts once however it arrives. Backtests and replays settle funding on their own data and never ask.
     *
     * @param period a positive period
     * @return this builder
     */
    public BotBuilder fundingCheckEvery(Duration period) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new InvalidInputException("bot '" + id + "': funding check period must be positive, got " + period);
        }
        this.fundingCheck = period;
        return this;
    }

    /**
     * On restart, cancel open venue orders this bot does not know (default: report and leave them).
     *
     * @param cancel whether to cancel them
     * @return this builder
     */
    public BotBuilder cancelUnknownOrders(boolean cancel) {
        this.cancelUnknownOrders = cancel;
        return this;
    }

    /**
     * On restart, take the venue's holding as the truth when the journal cannot explain it (default: refuse to start and say why).
     *
     * @param adopt whether to adopt the venue's holding
     * @return this builder
     */
    public BotBuilder adoptVenuePosition(boolean adopt) {
        this.adoptVenuePosition = adopt;
        return this;
    }

    /**
     * The account at the venue as the host names it, recorded in the journal's {@link BotIdentity} (default none).
     *
     * @param account the account's name as the host knows it
     * @return this builder
     */
    public BotBuilder account(String account) {
        this.account = Objects.requireNonNull(account, "account");
        return this;
    }

    /**
     * Adds a listener of the bot's events from its first start on, called on the bot's loop thread.
     *
     * @param listener what to call; it must not block
     * @return this builder
     */
    public BotBuilder onEvent(Consumer<BotEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Stop-loss, take-profit, trailing stop and breakeven move that core keeps on the bot's position. */
    /**
     * A strategy that throws stops the bot instead of pausing it (default: pause, so an operator can look and resume).
     *
     * @param stop whether to stop rather than pause
     * @return this builder
     */
    public BotBuilder stopOnStrategyFailure(boolean stop) {
        this.stopOnStrategyFailure = stop;
        return this;
    }

    /**
     * Stop-loss, take-profit and trailing protections on the bot's position.
     *
     * @param protections the protections
     * @return this builder
     */
    public BotBuilder protection(Protections protections) {
        safety = safety.withProtections(protections);
        return this;
    }

    /**
     * How the bot flattens: cancel first or not, retries, chasing limit orders, how long to wait.
     *
     * @param options the flatten options
     * @return this builder
     */
    public BotBuilder flattenOptions(FlattenOptions options) {
        safety = safety.withFlatten(options);
        return this;
    }

    /**
     * Flatten before stopping ({@link TradingBot#stop}); off by default, so that a stop leaves positions alone.
     *
     * @param flatten whether to flatten on stop
     * @return this builder
     */
    public BotBuilder flattenOnStop(boolean flatten) {
        safety = safety.withFlattenOnStop(flatten);
        return this;
    }

    /**
     * When the health monitor pauses the bot: time disconnected, error rate, stale data.
     *
     * @param settings the health settings
     * @return this builder
     */
    public BotBuilder health(HealthSettings settings) {
        safety = safety.withHealth(settings);
        return this;
    }

    /**
     * A listener for every risk event (see {@link TradingBot#onRisk}).
     *
     * @param listener what to call; it must not block
     * @return this builder
     */
    public BotBuilder onRisk(Consumer<BotEvent> listener) {
        safety = safety.withRiskListener(listener);
        return this;
    }

    /**
     * Lets the bot take proposed parameter changes ({@link TradingBot#approvals()}): it needs a strategy by name and an SQLite journal, which holds the approvals table. Off by default.
     *
     * @param settings how proposals are approved and expire
     * @return this builder
     */
    public BotBuilder approvals(ApprovalSettings settings) {
        this.approvals = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /**
     * How often (wall time) a bot with a tradekit journal writes its figures to {@code metrics_snapshots} (default every minute).
     *
     * @param interval a positive interval
     * @return this builder
     */
    public BotBuilder metricsInterval(Duration interval) {
        if (interval == null || interval.isNegative() || interval.toMillis() < 1) {
            throw new InvalidInputException("bot '" + id + "': metrics interval must be at least a millisecond, got " + interval);
        }
        this.metricsInterval = interval;
        return this;
    }

    /**
     * Follows the symbol's L2 order book from the venue's depth stream (a live bot, or a paper bot on a live venue's data), so that {@link io.tradekit.api.spi.StrategyContext#orderBook()} returns the latest book. Off by default: a depth stream costs the venue's request weight for its snapshots. A venue without a depth stream refuses it at {@link TradingBot#start()}; a bot on a data clock ({@link #dataClock()}) is refused at {@link #build()}.
     *
     * @return this builder
     */
    public BotBuilder orderBook() {
        this.followOrderBook = true;
        return this;
    }

    /**
     * How long an SQLite journal keeps events, equity and metrics rows, pruned while the bot runs (default {@link io.tradekit.core.store.Retention#defaults()}).
     *
     * @param kept how long each kind of record is kept
     * @return this builder
     */
    public BotBuilder retention(io.tradekit.core.store.Retention kept) {
        this.retention = Objects.requireNonNull(kept, "retention");
        return this;
    }

    /**
     * Checks everything given and makes the bot, not started.
     *
     * @return the bot; {@link TradingBot#start()} starts it
     * @throws io.tradekit.api.InvalidInputException naming what is missing or wrong, e.g. a store that is not durable for a
     *         bot on a real-time clock, or a limit no policy on the classpath enforces
     */
    public TradingBot build() {
        String where = "bot '" + id + "'";
        if (adapter == null && exchangeName == null) {
            throw new InvalidInputException(where + ": no exchange; call .exchange(\"binance\", credentials) or .exchange(adapter)");
        }
        if (symbol == null || symbol.isBlank()) throw new InvalidInputException(where + ": no symbol; call .symbol(\"BTCUSDT\") or .pairs(list)");
        List<String> traded = pairs != null ? pairs : List.of(symbol);
        checkPairs(where, traded);
        if (timeframe == null) throw new InvalidInputException(where + ": no timeframe; call .timeframe(Timeframe.parse(\"1m\"))");
        if (strategy == null && strategyName == null && strategyFactory == null) {
            throw new InvalidInputException(where + ": no strategy; call .strategy(\"grid\", params) or .strategy(myStrategy)");
        }
        if (traded.size() > 1 && strategy != null) {
            throw new InvalidInputException(where + ": a strategy object cannot trade several pairs, each pair needs its own instance; "
                    + "give the strategy by name (.strategy(\"sma-cross\", params)) or as a factory (.strategyPerPair(name, MyStrategy::new))");
        }
        if (pairs != null && !safety.protections().isEmpty()) {
            throw new InvalidInputException(where + ": protections (stop-loss, take-profit, trailing stop) keep one position's levels; "
                    + "they are not available on a bot with pairs");
        }
        if (pairs != null && approvals != null) {
            throw new InvalidInputException(where + ": approvals change one strategy's parameters; they are not available on a bot with pairs");
        }
        // A paper venue says what a buy costs and how to size against it; a real one is assumed at 10 bps
        // unless the host says otherwise.
        PaperSettings paper = adapter instanceof PaperExchange p ? p.matchingEngine().settings() : null;
        BigDecimal feeRate = takerFeeRate != null ? takerFeeRate : paper != null ? paper.buyCostRate() : new BigDecimal("0.001");
        PositionSizer sizing = paper != null ? paper.sizerFor(sizer) : sizer;
        if (feeRate.signum() < 0 || feeRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidInputException(where + ": taker fee rate must be a fraction in [0, 1), got " + feeRate);
        }
        if (followOrderBook && dataClock) {
            throw new InvalidInputException(where + ": an order book needs a live venue's depth stream; a bot on a data clock replays bars only");
        }
        if (safetyInterval == null || safetyInterval.isNegative() || safetyInterval.isZero()) {
            throw new InvalidInputException(where + ": safety interval must be positive, got " + safetyInterval);
        }
        refuseForgetfulStore(where);
        Plugins resolved = plugins != null ? plugins : Plugins.discover();
        StateStore journal = store != null ? store : resolved.store("memory").open(id, Params.empty("memory store"));
        if (approvals != null && (strategyName == null || !(journal instanceof io.tradekit.core.store.SqliteStateStore))) {
            throw new InvalidInputException(where + ": approvals need a strategy by name (.strategy(\"grid\", params)) and an SQLite journal "
                    + "(.store(StateStores.sqlite(file)))");
        }
        // A change applied through approvals is the journal's own: the bot runs with it, not with the parameters it was first given.
        Map<String, String> inForce = strategyName != null
                ? io.tradekit.core.store.ApprovalBook.appliedParameters(journal).orElse(strategyParams) : strategyParams;
        java.util.function.Supplier<Strategy> make = () -> strategy != null ? strategy : strategyFactory != null ? strategyFactory.get()
                : resolved.strategy(strategyName).create(Params.of(strategyName, inForce));
        Strategy strat = make.get();
        List<RiskPolicy> policies = RiskPolicies.forLimits(limits, resolved, id);
        ExchangeAdapter venue = adapter != null ? adapter
                : resolved.exchange(exchangeName).create(new ExchangeSettings(Params.of(exchangeName, exchangeParams), Optional.ofNullable(credentials)));
        claimJournal(journal, strat, venue, paper);
        Duration stale = staleAfter != null ? staleAfter : timeframe.duration().multipliedBy(3);
        TradingBot bot = new TradingBot(id, symbol, timeframe, strat, venue, journal, policies, sizing, feeRate, stale, safetyInterval,
                dataClock, equityInterval, cancelUnknownOrders, adoptVenuePosition, limits, listeners, leverage);
        for (String more : traded.subList(1, traded.size())) bot.engine().addPair(more, make.get());
        if (pairs != null) bot.engine().holdOnePositionPerPair();
        if (budget != null) bot.engine().useBudget(budget);
        bot.engine().setAckTimeout(ackTimeout);
        bot.engine().setFundingCheckPeriod(fundingCheck);
        bot.engine().setStopOnStrategyFailure(stopOnStrategyFailure);
        bot.snapshotEvery(snapshotInterval);
        bot.catchUpAtMost(maxCatchUpBars);
        bot.metricsEvery(metricsInterval);
        bot.retain(retention);
        if (followOrderBook) bot.followOrderBook();
        bot.configureSafety(safety);
        if (approvals != null) {
            var sqlite = (io.tradekit.core.store.SqliteStateStore) journal;
            bot.useApprovals(new BotApprovals(bot, io.tradekit.core.store.ApprovalBook.open(sqlite.file()), resolved.strategy(strategyName),
                    strategyName, inForce, approvals));
        }
        return bot;
    }

    /**
     * A bot on a real-time clock (live, or paper on live data) resumes from its journal after a restart: a store the
     * host gives it must keep what it records ({@link StateStore#durable()}). A bot on a data clock may use any.
     */
    private void refuseForgetfulStore(String where) {
        if (store == null || dataClock || store.durable()) return;
        throw new InvalidInputException(where + ": store " + store + " is not durable (its durable() is false), and a bot on a real-time "
                + "clock resumes from its journal after a restart: give it a durable store such as StateStores.sqlite(file), "
                + "or run it on a data clock (.dataClock()) as a replay does");
    }

    /** The pairs: each a symbol, none twice. */
    private static void checkPairs(String where, List<String> traded) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < traded.size(); i++) {
            String s = traded.get(i);
            if (s == null || s.isBlank()) throw new InvalidInputException(where + ": pair " + i + " is empty; a pair is a symbol such as BTCUSDT");
            if (!seen.add(s)) throw new InvalidInputException(where + ": pair " + s + " is listed twice");
        }
    }

    /** What a paper venue's settings change in every figure, as the journal's identity records them. */
    private static Map<String, String> venueTerms(PaperSettings paper) {
        return Map.of("makerFeeBps", paper.makerFeeBps().stripTrailingZeros().toPlainString(),
                "takerFeeBps", paper.takerFeeBps().stripTrailingZeros().toPlainString(),
                "slippageBps", paper.slippageBps().stripTrailingZeros().toPlainString(),
                "fillModel", paper.fillModel().name(),
                "participationCap", paper.participationCap().stripTrailingZeros().toPlainString());
    }

    /** The journal must be this bot's (see {@link JournalClaim}); when it is refused, the journal and venue are closed, as the bot would have. */
    private void claimJournal(StateStore journal, Strategy strat, ExchangeAdapter venue, PaperSettings paper) {
        String named = strategyName != null ? strategyName : objectStrategyName != null ? objectStrategyName : strat.getClass().isHidden()
                ? strat.getClass().getName().replaceFirst("\\$\\$Lambda.*", "\\$\\$Lambda") : strat.getClass().getName();
        Optional<BigDecimal> cash = paper == null ? Optional.empty() : Optional.ofNullable(paper.instruments().get(symbol))
                .map(i -> paper.balances().getOrDefault(i.quoteAsset(), BigDecimal.ZERO));
        // A bot with pairs is known by all of them: a restart on its journal with other pairs is refused.
        String symbols = pairs != null ? String.join(",", pairs) : symbol;
        BotIdentity identity = new BotIdentity(id, venue.venue(), account, symbols, named, strategyName != null ? strategyParams : objectStrategyParams,
                cash, paper == null ? Map.of() : venueTerms(paper));
        try {
            JournalClaim.claim(journal, identity, adoptVenuePosition);
        } catch (RuntimeException e) {
            for (AutoCloseable owned : List.of(journal, venue)) {
                try {
                    owned.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }
}
