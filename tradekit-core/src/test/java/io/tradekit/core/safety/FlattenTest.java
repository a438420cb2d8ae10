package io.tradekit.core.safety;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.Ticker;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.FlattenOptions;
import io.tradekit.core.FlattenResult;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.net.Backoff;
import io.tradekit.core.paper.PaperSettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.tradekit.core.safety.TestBars.BTC;
import static io.tradekit.core.safety.TestBars.T0;
import static io.tradekit.core.safety.TestBars.bar;
import static io.tradekit.core.safety.TestBars.d;
import static org.assertj.core.api.Assertions.assertThat;

/** Flatten through a real bot on a real paper venue, with venues that take no market orders, fill in part, or fail first. */
class FlattenTest {

    private static final PaperSettings PAPER = PaperSettings.of(BTC, d("10000"));
    private final List<BotEvent> events = new CopyOnWriteArrayList<>();

    /** Submits the intents listed for each bar it sees (first bar = index 0). */
    private static Strategy script(List<List<OrderIntent>> perBar) {
        return new Strategy() {
            int n;

            @Override
            public void onBar(Bar bar, StrategyContext ctx) {
                if (n < perBar.size()) for (OrderIntent i : perBar.get(n)) ctx.submit(i);
                n++;
            }
        };
    }

    private static OrderIntent marketBuy(String qty) {
        return OrderIntent.market("BTCUSDT", Side.BUY, d(qty));
    }

    private static OrderIntent limit(Side side, String qty, String price) {
        return OrderIntent.limit("BTCUSDT", side, d(qty), d(price));
    }

    private TradingBot bot(WrappedPaperVenue venue, Strategy strategy, FlattenOptions options) {
        return TradeKit.bot("flat").exchange(venue).symbol("BTCUSDT").timeframe(io.tradekit.api.Timeframe.M1).strategy(strategy)
                .dataClock().flattenOptions(options).onEvent(events::add).build();
    }

    private static FlattenResult await(CompletableFuture<FlattenResult> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static Order order(TradingBot bot, String id) {
        return bot.orders().stream().filter(o -> o.clientOrderId().equals(id)).findFirst().orElseThrow();
    }

    private List<Order> submitted() {
        return events.stream().filter(e -> e instanceof BotEvent.OrderSubmitted).map(e -> ((BotEvent.OrderSubmitted) e).order()).toList();
    }

    @Test
    void flattenCancelsOpenOrdersFirstThenClosesWithAReduceOnlyMarketOrder() {
        WrappedPaperVenue venue = new WrappedPaperVenue(PAPER);
        // The resting sell locks 0.6 BTC at the venue: closing the whole position only works once it is cancelled.
        Strategy s = script(List.of(List.of(marketBuy("1")), List.of(limit(Side.SELL, "0.6", "120"), limit(Side.BUY, "1", "80"))));
        try (TradingBot bot = bot(venue, s, FlattenOptions.defaults())) {
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));
            venue.feed(bot, bar(1, "100", "100.5", "99.5", "100"));
            List<String> resting = bot.openOrders().stream().map(Order::clientOrderId).toList();
            assertThat(resting).hasSize(2);

            FlattenResult r = bot.flatten("end of the session");

            assertThat(r.outcome()).isEqualTo(FlattenResult.Outcome.FLAT);
            assertThat(r.reason()).isEqualTo("end of the session");
            assertThat(r.cancelledOrders()).containsExactlyInAnyOrderElementsOf(resting);
            assertThat(r.closingOrders()).singleElement().satisfies(id -> {
                Order close = order(bot, id);
                assertThat(close.type()).isEqualTo(OrderType.MARKET);
                assertThat(close.side()).isEqualTo(Side.SELL);
                assertThat(close.reduceOnly()).isTrue();
                assertThat(close.tag()).isEqualTo("flatten");
                assertThat(close.quantity()).isEqualByComparingTo("1");
                assertThat(close.status()).isEqualTo(OrderStatus.FILLED);
            });
            assertThat(r.residualQuantity()).isZero();
            assertThat(r.errors()).isEmpty();
            assertThat(bot.position().quantity()).isZero();
            assertThat(venue.paper().openOrders("BTCUSDT")).isEmpty();
            // The closing order left only after both cancellations were confirmed.
            int closeSent = indexOf(e -> e instanceof BotEvent.OrderSubmitted o && o.order().tag().equals("flatten"));
            for (String id : resting) {
                assertThat(indexOf(e -> e instanceof BotEvent.OrderChanged c && c.order().clientOrderId().equals(id)
                        && c.order().status() == OrderStatus.CANCELED)).isBetween(0, closeSent);
            }
        }
    }

    private int indexOf(java.util.function.Predicate<BotEvent> p) {
        for (int i = 0; i < events.size(); i++) if (p.test(events.get(i))) return i;
        return -1;
    }

    @Test
    void withoutCancelFirstTheOpenOrdersStayAndThePositionIsStillClosed() {
        WrappedPaperVenue venue = new WrappedPaperVenue(PAPER);
        Strategy s = script(List.of(List.of(marketBuy("1")), List.of(limit(Side.BUY, "1", "80"))));
        try (TradingBot bot = bot(venue, s, FlattenOptions.defaults().withCancelOpenOrders(false))) {
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));
            venue.feed(bot, bar(1, "100", "100.5", "99.5", "100"));

            FlattenResult r = bot.flatten("keep the bid");

            assertThat(r.outcome()).isEqualTo(FlattenResult.Outcome.FLAT);
            assertThat(r.cancelledOrders()).isEmpty();
            assertThat(bot.position().quantity()).isZero();
            assertThat(venue.paper().openOrders("BTCUSDT")).singleElement().satisfies(o -> assertThat(o.limitPrice().orElseThrow()).isEqualByComparingTo("80"));
        }
    }

    @Test
    void onAVenueWithoutMarketOrdersAChasingLimitOrderIsRepricedEachBarUntilItFills() throws Exception {
        Venues.NoMarketOrders venue = new Venues.NoMarketOrders(PAPER);
        try (TradingBot bot = bot(venue, script(List.of(List.of(limit(Side.BUY, "1", "100")))), FlattenOptions.defaults())) {
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));
            assertThat(bot.position().quantity()).isEqualByComparingTo("1");
            // The book moves down before the bot hears of it: a sell 0.5 % under the last price it knows does not fill.
            venue.quote(new Ticker("BTCUSDT", T0.plusSeconds(60), d("98"), d("98.1"), d("98")));

            CompletableFuture<FlattenResult> flatten = bot.flattenAsync("venue without market orders");
            ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(5));
            assertThat(flatten).isNotDone();
            assertThat(bot.openOrders()).singleElement().satisfies(o -> {
                assertThat(o.type()).isEqualTo(OrderType.LIMIT);
                assertThat(o.limitPrice().orElseThrow()).isEqualByComparingTo("99.5");
                assertThat(o.reduceOnly()).isTrue();
            });

            // The next bar stays below that price: the order is cancelled and sent again 0.5 % under 97.5, rounded up to the tick.
            venue.feed(bot, bar(1, "98", "98", "97", "97.5"));
            FlattenResult r = await(flatten);

            assertThat(r.outcome()).isEqualTo(FlattenResult.Outcome.FLAT);
            assertThat(r.closingOrders()).hasSize(2);
            Order first = order(bot, r.closingOrders().get(0));
            Order second = order(bot, r.closingOrders().get(1));
            assertThat(first.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(second.limitPrice().orElseThrow()).isEqualByComparingTo("97.02");
            assertThat(second.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(second.averageFillPrice()).isEqualByComparingTo("97.5");
            assertThat(r.errors()).isEmpty();
            assertThat(r.duration()).isEqualTo(Duration.ofMinutes(1)); // one bar on the bot's clock
            assertThat(venue.requests).noneMatch(q -> q.type() == OrderType.MARKET);
            assertThat(bot.position().quantity()).isZero();
        }
    }

    @Test
    void aPartialFillLeavesARemainderThatGetsAnotherClosingOrder() {
        Venues.HalfFilling venue = new Venues.HalfFilling(PAPER, 1);
        try (TradingBot bot = bot(venue, script(List.of(List.of(marketBuy("1")))), FlattenOptions.defaults())) {
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));

            FlattenResult r = bot.flatten("thin book");

            assertThat(r.outcome()).isEqualTo(FlattenResult.Outcome.FLAT);
            assertThat(r.closingOrders()).hasSize(2);
            assertThat(order(bot, r.closingOrders().get(0))).satisfies(o -> {
                assertThat(o.status()).isEqualTo(OrderStatus.EXPIRED);
                assertThat(o.filledQuantity()).isEqualByComparingTo("0.5");
            });
            assertThat(order(bot, r.closingOrders().get(1))).satisfies(o -> {
                assertThat(o.quantity()).isEqualByComparingTo("0.5");
                assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            });
            assertThat(r.errors()).containsExactly("closing order " + r.closingOrders().get(0)
                    + " ended EXPIRED with 0.5 of 1 unfilled (no more liquidity)");
            assertThat(venue.paper().fills("BTCUSDT", T0)).extracting(Fill::side, f -> f.quantity().stripTrailingZeros().toPlainString())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Side.BUY, "1"), org.assertj.core.groups.Tuple.tuple(Side.SELL, "0.5"),
                            org.assertj.core.groups.Tuple.tuple(Side.SELL, "0.5"));
            assertThat(bot.position().quantity()).isZero();
        }
    }

    @Test
    void aVenueThatFailsFirstIsRetriedWithBackoffUntilItTakesTheOrder() throws Exception {
        Venues.OverloadedFirst venue = new Venues.OverloadedFirst(PAPER, 2);
        // Bars are a minute apart here: give the flatten longer than its default two minutes of the bot's clock.
        FlattenOptions options = FlattenOptions.defaults().withBackoff(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, 0.0))
                .withGiveUpAfter(Duration.ofMinutes(10));
        try (TradingBot bot = bot(venue, script(List.of(List.of(marketBuy("1")))), options)) {
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));

            CompletableFuture<FlattenResult> flatten = bot.flattenAsync("venue overloaded");
            ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(5));
            assertThat(flatten).isNotDone();
            assertThat(closingRequests(venue)).isEqualTo(1);
            // The retry waits 1 s on the bot's clock, the next one 2 s: each comes with the next bar.
            venue.feed(bot, bar(1, "100", "100.5", "99.5", "100"));
            assertThat(flatten).isNotDone();
            assertThat(closingRequests(venue)).isEqualTo(2);
            venue.feed(bot, bar(2, "100", "101.5", "99.5", "101"));
            FlattenResult r = await(flatten);

            assertThat(r.outcome()).isEqualTo(FlattenResult.Outcome.FLAT);
            assertThat(r.closingOrders()).hasSize(3);
            assertThat(r.errors()).hasSize(2);
            assertThat(r.errors().get(0)).endsWith("refused (1 of 5): Server is currently overloaded with other requests");
            assertThat(r.errors().get(1)).contains("refused (2 of 5)");
            assertThat(order(bot, r.closingOrders().get(2)).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(events).filteredOn(e -> e instanceof BotEvent.ErrorOccurred).hasSize(2).allSatisfy(e -> {
                BotEvent.ErrorOccurred err = (BotEvent.ErrorOccurred) e;
                assertThat(err.category()).isEqualTo(io.tradekit.api.ErrorCategory.VENUE_UNAVAILABLE);
                assertThat(err.action()).isEqualTo(io.tradekit.api.RecoveryAction.BACK_OFF);
            });
            assertThat(venue.lookups).isEmpty(); // a coded refusal is not an unknown outcome
            assertThat(bot.position().quantity()).isZero();
        }
    }

    private static long closingRequests(WrappedPaperVenue venue) {
        return venue.requests.stream().filter(OrderRequest::reduceOnly).count();
    }

    @Test
    void aFlattenGivesUpAfterItsAttemptsAndSaysWhatIsLeft() throws Exception {
        Venues.OverloadedFirst venue = new Venues.OverloadedFirst(PAPER, Integer.MAX_VALUE);
        FlattenOptions options = FlattenOptions.defaults().withMaxAttempts(2)
                .withBackoff(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, 0.0));
        try (TradingBot bot = bot(venue, script(List.of(List.of(marketBuy("1")))), options)) {
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));
            CompletableFuture<FlattenResult> flatten = bot.flattenAsync("venue down");
            ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(5));
            venue.feed(bot, bar(1, "100", "100.5", "99.5", "100"));
            FlattenResult r = await(flatten);

            assertThat(r.outcome()).isEqualTo(FlattenResult.Outcome.GAVE_UP);
            assertThat(r.residualQuantity()).isEqualByComparingTo("1");
            assertThat(r.errors()).hasSize(2);
            assertThat(events).anySatisfy(e -> {
                assertThat(e).isInstanceOf(BotEvent.RiskAlert.class);
                BotEvent.RiskAlert a = (BotEvent.RiskAlert) e;
                assertThat(a.level()).isEqualTo(BotEvent.AlertLevel.CRITICAL);
                assertThat(a.reason()).startsWith("flatten GAVE_UP: 2 closing orders, 0 cancelled, 1 left");
            });
        }
    }

    @Test
    void askingAgainWhileAFlattenRunsJoinsItAndSendsOneSetOfClosingOrders() throws Exception {
        Venues.NoMarketOrders venue = new Venues.NoMarketOrders(PAPER);
        try (TradingBot bot = bot(venue, script(List.of(List.of(limit(Side.BUY, "1", "100")))), FlattenOptions.defaults())) {
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));
            venue.quote(new Ticker("BTCUSDT", T0.plusSeconds(60), d("98"), d("98.1"), d("98")));

            CompletableFuture<FlattenResult> first = bot.flattenAsync("operator one");
            CompletableFuture<FlattenResult> second = bot.flattenAsync("operator two");
            ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(5));
            assertThat(second).isSameAs(first);
            assertThat(closingRequests(venue)).isEqualTo(1);

            // The book comes back up through the resting sell at 99.5, which fills.
            venue.feed(bot, bar(1, "99", "100", "99", "99.8"));
            FlattenResult r = await(first);
            assertThat(r.reason()).isEqualTo("operator one");
            assertThat(r.closingOrders()).hasSize(1);
            assertThat(closingRequests(venue)).isEqualTo(1);
            assertThat(await(second)).isEqualTo(r);

            // Once it is done, a new call is a new flatten: flat already, nothing to send.
            FlattenResult again = bot.flatten("again");
            assertThat(again.outcome()).isEqualTo(FlattenResult.Outcome.FLAT);
            assertThat(again.closingOrders()).isEmpty();
        }
    }

    @Test
    void emergencyStopCancelsEvenWhenFlattenKeepsOrdersAndHoldsUntilAnOperatorResumes() {
        WrappedPaperVenue venue = new WrappedPaperVenue(PAPER);
        List<BotEvent> risk = new CopyOnWriteArrayList<>();
        List<List<OrderIntent>> plan = new ArrayList<>();
        plan.add(List.of(marketBuy("1")));
        plan.add(List.of(limit(Side.BUY, "1", "80")));
        for (int i = 0; i < 4; i++) plan.add(List.of(limit(Side.BUY, "0.1", "90")));
        try (TradingBot bot = bot(venue, script(plan), FlattenOptions.defaults().withCancelOpenOrders(false))) {
            bot.onRisk(risk::add);
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));
            venue.feed(bot, bar(1, "100", "100.5", "99.5", "100"));
            String bid = bot.openOrders().get(0).clientOrderId();

            FlattenResult r = bot.emergencyStop("fire drill");

            assertThat(bot.state()).isEqualTo(BotState.EMERGENCY_STOP);
            assertThat(r.outcome()).isEqualTo(FlattenResult.Outcome.FLAT);
            assertThat(r.cancelledOrders()).containsExactly(bid);
            assertThat(venue.paper().openOrders("BTCUSDT")).isEmpty();

            venue.feed(bot, bar(2, "100", "100.5", "99.5", "100"));
            bot.pause("ops", "a pause must not lift an emergency stop");
            assertThat(bot.state()).isEqualTo(BotState.EMERGENCY_STOP);
            venue.feed(bot, bar(3, "100", "100.5", "99.5", "100"));
            assertThat(bot.openOrders()).isEmpty();

            bot.resume("alice", "drill over");
            venue.feed(bot, bar(4, "100", "100.5", "99.5", "100"));
            assertThat(bot.state()).isEqualTo(BotState.RUNNING);
            assertThat(bot.openOrders()).singleElement().satisfies(o -> assertThat(o.limitPrice().orElseThrow()).isEqualByComparingTo("90"));

            assertThat(risk).extracting(FlattenTest::describe).containsExactly(
                    "state RUNNING -> EMERGENCY_STOP by operator: fire drill",
                    "alert flatten WARNING: flatten started by operator: fire drill",
                    "alert flatten INFO: flatten FLAT: 1 closing orders, 1 cancelled, 0 left",
                    "denied by state: bot is EMERGENCY_STOP",
                    "denied by state: bot is EMERGENCY_STOP",
                    "state EMERGENCY_STOP -> RUNNING by alice: drill over");
        }
    }

    static String describe(BotEvent e) {
        return switch (e) {
            case BotEvent.StateChanged s -> "state " + s.from() + " -> " + s.to() + " by " + s.actor() + ": " + s.reason();
            case BotEvent.RiskAlert a -> "alert " + a.policy() + " " + a.level() + ": " + a.reason();
            case BotEvent.OrderDenied d -> "denied by " + d.deniedBy() + ": " + d.reason();
            default -> e.toString();
        };
    }

    @Test
    void flattenOnStopClosesThePositionBeforeTheBotStops() {
        WrappedPaperVenue venue = new WrappedPaperVenue(PAPER);
        TradingBot bot = TradeKit.bot("stopper").exchange(venue).symbol("BTCUSDT").timeframe(io.tradekit.api.Timeframe.M1)
                .strategy(script(List.of(List.of(marketBuy("1"))))).dataClock().flattenOnStop(true).build();
        bot.start();
        venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));
        assertThat(bot.position().quantity()).isEqualByComparingTo("1");

        bot.stop();

        BigDecimal btc = venue.balances().stream().filter(b -> b.asset().equals("BTC")).map(Balance::total).findFirst().orElse(BigDecimal.ZERO);
        assertThat(btc).isZero();
        assertThat(venue.paper().fills("BTCUSDT", T0)).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
        assertThat(venue.requests.get(1).reduceOnly()).isTrue();
    }
}
