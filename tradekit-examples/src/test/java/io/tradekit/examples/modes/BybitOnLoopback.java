package io.tradekit.examples.modes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.Bar;
import io.tradekit.api.Order;
import io.tradekit.api.Credentials;
import io.tradekit.api.Params;
import io.tradekit.api.spi.ExchangeSettings;
import io.tradekit.bybit.BybitAdapter;
import io.tradekit.bybit.BybitConfig;
import io.tradekit.bybit.sim.BybitSimulator;
import io.tradekit.bybit.sim.Category;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradingBot;
import io.tradekit.data.DataSets;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The Bybit simulator on loopback serving ETHUSDT 5-minute bars of {@code eth-usd-5m} (March 2023), spot or
 * linear ({@link #linear}), with the pieces the mode tests share: a bot configuration pointed at it (on linear
 * a perp bot at 3x), and waits that step the market one bar at a time and let the bot and the venue agree
 * before the next. The bars keep their 2023 times, so
 * that the adapter can catch up on every bar over REST after a reconnect; configurations therefore
 * accept old data ({@code engine.staleAfter}).
 */
public final class BybitOnLoopback implements AutoCloseable {

    static final String SYMBOL = "ETHUSDT";
    private static final Duration WAIT = Duration.ofSeconds(15);

    final BybitSimulator sim;
    final List<Bar> bars;

    /** {@code count} bars from {@code first} on, {@code initial} of them closed before the start. */
    BybitOnLoopback(int first, int count, int initial) {
        this(first, count, initial, false);
    }

    /**
     * As above; {@code current} moves the bars in time so that the last initial bar closed at the start of
     * the current five minutes: the bot warms up from the venue's history, and the bars stepped after it lie
     * ahead of the clock (a reconnect could not catch up on them, so use it without drops).
     */
    BybitOnLoopback(int first, int count, int initial, boolean current) {
        this(first, count, initial, current, UnaryOperator.identity());
    }

    /**
     * A linear venue: {@code count} bars from {@code first} on, {@code initial} closed before the start, funding every
     * {@link #LINEAR_FUNDING_INTERVAL} of market time at {@link #LINEAR_FUNDING_RATE} (so that a run of a few dozen
     * bars settles several times).
     */
    static BybitOnLoopback linear(int first, int count, int initial) {
        return linear(first, count, initial, false);
    }

    /** As {@link #linear(int, int, int)}; {@code current} as for the spot venue. */
    static BybitOnLoopback linear(int first, int count, int initial, boolean current) {
        return new BybitOnLoopback(first, count, initial, current,
                o -> o.linear().withFundingInterval(LINEAR_FUNDING_INTERVAL).withFundingRate(LINEAR_FUNDING_RATE));
    }

    static final Duration LINEAR_FUNDING_INTERVAL = Duration.ofMinutes(30);
    static final BigDecimal LINEAR_FUNDING_RATE = new BigDecimal("0.0005");

    private BybitOnLoopback(int first, int count, int initial, boolean current, UnaryOperator<BybitSimulator.Options> tune) {
        List<Bar> chosen = DataSets.load("eth-usd-5m", Optional.of(SYMBOL), Optional.empty()).subList(first, first + count);
        if (current) {
            long now = System.currentTimeMillis();
            long periodStart = now - Math.floorMod(now, chosen.getFirst().timeframe().millis());
            Duration shift = Duration.ofMillis(periodStart - chosen.get(initial - 1).closeTime().toEpochMilli());
            chosen = chosen.stream().map(b -> new Bar(b.symbol(), b.timeframe(), b.openTime().plus(shift), b.open(), b.high(), b.low(),
                    b.close(), b.volume())).toList();
        }
        this.bars = chosen;
        this.sim = BybitSimulator.start(ownAccount(tune.apply(BybitSimulator.Options.of(0, bars).withInitialBars(initial))));
    }

    /**
     * The options with an API key and secret of their own: the adapter shares its request budgets among
     * every adapter on one key in the JVM, so that one test's orders and weight never slow another's.
     */
    public static BybitSimulator.Options ownAccount(BybitSimulator.Options o) {
        Credentials unique = new Credentials("key" + UUID.randomUUID().toString().replace("-", ""), "secret" + UUID.randomUUID());
        return o.withCredentials(unique);
    }

    /** An adapter on the simulator's account with fast reconnects, as a bot's configuration would make it. */
    BybitAdapter adapter() {
        Map<String, String> params = new java.util.HashMap<>(sim.adapterParams());
        params.put("reconnectInitialMs", "50");
        params.put("reconnectMaxMs", "300");
        return new BybitAdapter(BybitConfig.from(new ExchangeSettings(Params.of("bybit", params), Optional.of(sim.credentials()))));
    }

    /** The environment that hands the simulator's API key and secret to the bot. */
    Map<String, String> environment() {
        return Map.of("TRADEKIT_BYBIT_API_KEY", sim.credentials().apiKey(), "TRADEKIT_BYBIT_API_SECRET", sim.credentials().secret());
    }

    /**
     * A configuration file's content for a bot on this venue: {@code strategy} and its parameters, the journal
     * and the reports under {@code dir}, fast reconnects, old data accepted, live confirmed, on linear
     * {@code "market": "perp", "leverage": 3}; {@code extra} is merged on top (e.g. {@code {"risk": {...}}}).
     */
    String config(String name, Path dir, String strategy, Map<String, Object> params, Map<String, Object> extra) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("name", name);
        ObjectNode exchange = root.putObject("exchange");
        exchange.put("name", "bybit");
        ObjectNode settings = exchange.putObject("settings");
        sim.adapterParams().forEach(settings::put); // the simulator's category among them
        settings.put("reconnectInitialMs", 50);
        settings.put("reconnectMaxMs", 300);
        settings.put("requestTimeoutMs", 3000);
        root.put("symbol", SYMBOL);
        root.put("timeframe", "5m");
        ObjectNode strat = root.putObject("strategy");
        strat.put("name", strategy);
        strat.set("params", json.valueToTree(params));
        root.putObject("risk").put("max-drawdown", new BigDecimal("0.5"));
        root.putObject("store").put("path", dir.resolve(name + ".db").toString());
        root.put("out", dir.resolve("out").toString());
        root.putObject("engine").put("staleAfter", "P36500D").put("ackTimeout", "PT5S");
        root.put("confirmLive", true);
        if (sim.category() == Category.LINEAR) {
            root.put("market", "perp");
            root.put("leverage", 3);
        }
        extra.forEach((k, v) -> root.set(k, json.valueToTree(v)));
        return root.toString();
    }

    /**
     * Waits until the bot has taken in {@code bar} (warming up or trading) and agrees with the venue about every
     * order. For a bot started on a fresh journal only: a resumed bot's last bar time starts at its newest
     * order's wall-clock time, which is later than these 2023 bars.
     */
    void settle(TradingBot bot, Bar bar) {
        await("bar " + bar.openTime() + " taken in", () -> bot.lastBarTime().filter(t -> !t.isBefore(bar.closeTime())).isPresent());
        if (!ReplayDriver.of(bot).awaitIdle(WAIT)) throw new AssertionError("the bot did not go idle within " + WAIT);
        await("the bot and the venue agree on every order", () -> agrees(bot));
    }

    /**
     * Waits until a live bot has heard every funding settlement the venue booked for the account. A settlement comes on
     * the private stream, apart from the bar on the public one, and may reach the bot after the bar and after
     * {@link #settle}: a step that depends on the bot's equity, or the run's report, must not start before it does.
     */
    void awaitFundingHeard(TradingBot bot) {
        await("the bot heard every funding settlement the venue booked", () -> bot.position().funding().compareTo(venueFundingPaid()) == 0);
    }

    /** What the venue booked as the account's funding: paid positive, received negative (zero on spot). */
    BigDecimal venueFundingPaid() {
        return sim.fundingPayments().stream().map(io.tradekit.api.FundingPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Closes the next bar and waits until the bot has settled on it. */
    Bar step(TradingBot bot) {
        if (!sim.step()) throw new AssertionError("the simulator has no bar left");
        Bar bar = sim.closedBars().getLast();
        settle(bot, bar);
        return bar;
    }

    /** Every venue order is the bot's with the same fill and open-or-done state, and no bot order waits for an answer. */
    boolean agrees(TradingBot bot) {
        Map<String, Order> mine = bot.orders().stream().collect(Collectors.toMap(Order::clientOrderId, Function.identity()));
        for (Order theirs : sim.orders()) {
            Order m = mine.get(theirs.clientOrderId());
            if (m == null || m.status().isOpen() != theirs.status().isOpen() || m.filledQuantity().compareTo(theirs.filledQuantity()) != 0) {
                return false;
            }
        }
        return mine.values().stream().noneMatch(o -> o.status() == io.tradekit.api.OrderStatus.PENDING_NEW
                || o.status() == io.tradekit.api.OrderStatus.UNKNOWN);
    }

    /** What the venue holds for the account: on spot the base asset, free and locked; on linear the signed position. */
    BigDecimal venuePosition() {
        if (sim.category() == Category.LINEAR) return sim.position().map(io.tradekit.api.Position::quantity).orElse(BigDecimal.ZERO);
        return sim.balances().stream().filter(b -> b.asset().equals("ETH")).map(b -> b.free().add(b.locked())).findFirst().orElse(BigDecimal.ZERO);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + WAIT + ": " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what);
            }
        }
    }

    @Override
    public void close() {
        sim.close();
    }
}
