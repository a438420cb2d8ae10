package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.Side;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.api.spi.Submission;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.Waits;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A strategy lowers its resting order's quantity through the real engine, journal and paper venue. */
class AmendThroughTheEngineTest {

    /** How long a test waits for what another thread does. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** Rests a buy of 1 at 90 on the first bar and asks to lower it to {@code amendTo} on the second. */
    static final class RestThenAmend implements Strategy {
        final String amendTo;
        final List<Submission> amends = new CopyOnWriteArrayList<>();
        volatile String clientOrderId;
        int bars;

        RestThenAmend(String amendTo) {
            this.amendTo = amendTo;
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            bars++;
            if (bars == 1) clientOrderId = ctx.submit(OrderIntent.limit(ctx.symbol(), Side.BUY, BigDecimal.ONE, new BigDecimal("90"))).clientOrderId();
            if (bars == 2) amends.add(ctx.amendQuantity(clientOrderId, new BigDecimal(amendTo)));
        }
    }

    private TradingBot bot(String name, ExchangeAdapter venue, Strategy strategy, List<BotEvent> events) {
        return TradeKit.bot(name).exchange(venue).symbol("BTCUSDT").timeframe(Bars.BTC_TF).strategy(strategy).dataClock()
                .store(StateStores.sqlite(dir.resolve(name + ".db"))).onEvent(events::add).build();
    }

    /**
     * Feeds each bar to the bot, then waits until it is idle. A bot on a wrapped paper venue does not play the bar
     * to the venue's book itself, so {@code wrapped} (when given) gets it by hand first.
     */
    private static void feed(TradingBot bot, PaperExchange wrapped, List<Bar> bars) {
        for (Bar bar : bars) {
            if (wrapped != null) wrapped.onBar(bar);
            ReplayDriver.of(bot).feed(bar);
            assertThat(ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(30))).isTrue();
        }
    }

    @Test
    void anAmendedOrderRestsWithItsNewQuantityIsJournaledAheadAndFillsThere() {
        PaperExchange paper = new PaperExchange(LiveLoopTest.paper());
        RestThenAmend strategy = new RestThenAmend("0.4");
        List<BotEvent> events = new CopyOnWriteArrayList<>();
        try (TradingBot bot = bot("amend", paper, strategy, events)) {
            bot.start();
            feed(bot, null, Bars.closes("100", "101"));
            Waits.until("the amend is answered", PATIENCE, () -> bot.openOrders().stream().anyMatch(o -> o.quantity().compareTo(new BigDecimal("0.4")) == 0));

            assertThat(strategy.amends).singleElement().satisfies(s -> assertThat(s.isSent()).isTrue());
            Order atVenue = paper.lookup("BTCUSDT", strategy.clientOrderId).orElseThrow();
            assertThat(atVenue.quantity()).isEqualByComparingTo("0.4");
            assertThat(atVenue.status()).isEqualTo(OrderStatus.NEW);
            // the request was written ahead with what it changes
            assertThat(bot.auditEvents(50)).filteredOn(e -> e.type().equals("amend")).singleElement()
                    .satisfies(e -> assertThat(e.inputsJson()).contains(strategy.clientOrderId).contains("\"from\":\"1\"").contains("\"to\":\"0.4\""));
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(BotEvent.OrderChanged.class,
                    c -> assertThat(c.order().quantity()).isEqualByComparingTo("0.4")));

            // a bar through 90 fills the 0.4 left, and the order is done: the state machine took the amended quantity
            feed(bot, null, List.of(Bars.closes("100", "101", "89").get(2)));
            Waits.until("the order fills", PATIENCE, () -> bot.position().quantity().compareTo(new BigDecimal("0.4")) == 0);
            assertThat(bot.orders()).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
                assertThat(o.filledQuantity()).isEqualByComparingTo("0.4");
            });
        }
    }

    @Test
    void anAmendWhoseAnswerIsLostIsLookedUpAndNeverSentAgain() {
        AtomicInteger amendsSent = new AtomicInteger();
        ForwardingVenue lossy = new ForwardingVenue(new PaperExchange(LiveLoopTest.paper())) {
            @Override
            public Order amendQuantity(String symbol, String clientOrderId, BigDecimal newQuantity) {
                amendsSent.incrementAndGet();
                inner.amendQuantity(symbol, clientOrderId, newQuantity); // the venue amends the order...
                throw new ExchangeException("paper", ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE, "HTTP504",
                        "gateway timeout", null, null); // ...and the answer is lost
            }
        };
        RestThenAmend strategy = new RestThenAmend("0.25");
        List<BotEvent> events = new CopyOnWriteArrayList<>();
        try (TradingBot bot = bot("lossy", lossy, strategy, events)) {
            bot.start();
            feed(bot, lossy.paper(), Bars.closes("100", "101"));
            Waits.until("the outcome is reported unknown", PATIENCE, () -> events.stream().anyMatch(e -> e instanceof BotEvent.ErrorOccurred x
                    && x.category() == ErrorCategory.UNKNOWN_OUTCOME && x.message().contains("amend")));
            // market time moves with the data: the lookup is due a few seconds later, so later bars bring it
            feed(bot, lossy.paper(), Bars.closes("100", "101", "102", "103").subList(2, 4));
            Waits.until("the lookup finds the amended quantity", PATIENCE, () -> bot.openOrders().stream()
                    .anyMatch(o -> o.quantity().compareTo(new BigDecimal("0.25")) == 0));

            assertThat(amendsSent.get()).isEqualTo(1);
            assertThat(bot.openOrders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.NEW));
        }
    }

    @Test
    void anAmendWhoseAnswerWasLostBeforeACrashIsFoundOnRestart() {
        PaperSettings settings = LiveLoopTest.paper();
        Path book = dir.resolve("venue-book.db");
        ForwardingVenue lossy = new ForwardingVenue(PaperExchange.durable(settings, book)) {
            @Override
            public Order amendQuantity(String symbol, String clientOrderId, BigDecimal newQuantity) {
                inner.amendQuantity(symbol, clientOrderId, newQuantity);
                throw new ExchangeException("paper", ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE, "HTTP504", "gateway timeout", null, null);
            }
        };
        RestThenAmend strategy = new RestThenAmend("0.3");
        List<BotEvent> events = new CopyOnWriteArrayList<>();
        try (TradingBot bot = bot("crash", lossy, strategy, events)) {
            bot.start();
            feed(bot, lossy.paper(), Bars.closes("100", "101"));
            Waits.until("the outcome is reported unknown", PATIENCE, () -> events.stream().anyMatch(e -> e instanceof BotEvent.ErrorOccurred x
                    && x.category() == ErrorCategory.UNKNOWN_OUTCOME));
            assertThat(bot.openOrders()).singleElement().satisfies(o -> assertThat(o.quantity()).isEqualByComparingTo("1"));
        } // down before the lookup was due

        // the same bot (strategy and venue as its journal says), fed no bar: only the restart's reconciliation runs
        try (TradingBot bot = bot("crash", new ForwardingVenue(PaperExchange.durable(settings, book)), new RestThenAmend("0.3"),
                new CopyOnWriteArrayList<>())) {
            bot.start();
            // the restart looks the open order up at the venue and takes the amended quantity from there
            assertThat(bot.openOrders()).singleElement().satisfies(o -> {
                assertThat(o.clientOrderId()).isEqualTo(strategy.clientOrderId);
                assertThat(o.quantity()).isEqualByComparingTo("0.3");
                assertThat(o.status()).isEqualTo(OrderStatus.NEW);
            });
        }
    }

    @Test
    void anAmendThatIsNotADecreaseOrThatTheVenueCannotDoIsRefusedAndNothingIsSent() {
        AtomicInteger amendsSent = new AtomicInteger();
        ForwardingVenue counting = new ForwardingVenue(new PaperExchange(LiveLoopTest.paper())) {
            @Override
            public Order amendQuantity(String symbol, String clientOrderId, BigDecimal newQuantity) {
                amendsSent.incrementAndGet();
                return inner.amendQuantity(symbol, clientOrderId, newQuantity);
            }
        };
        RestThenAmend larger = new RestThenAmend("1.5");
        try (TradingBot bot = bot("larger", counting, larger, new CopyOnWriteArrayList<>())) {
            bot.start();
            feed(bot, counting.paper(), Bars.closes("100", "101"));
            assertThat(larger.amends).singleElement().satisfies(s -> {
                assertThat(s.isSent()).isFalse();
                assertThat(s.reason()).contains("1.5").contains("not below its quantity 1");
            });
        }
        ForwardingVenue cannot = new ForwardingVenue(new PaperExchange(LiveLoopTest.paper())) {
            @Override
            public Set<Capability> capabilities() {
                return Set.of(Capability.MARKET_ORDERS);
            }
        };
        RestThenAmend unsupported = new RestThenAmend("0.5");
        try (TradingBot bot = bot("cannot", cannot, unsupported, new CopyOnWriteArrayList<>())) {
            bot.start();
            feed(bot, cannot.paper(), Bars.closes("100", "101"));
            assertThat(unsupported.amends).singleElement().satisfies(s -> {
                assertThat(s.isSent()).isFalse();
                assertThat(s.reason()).contains("paper cannot amend");
            });
            assertThat(bot.openOrders()).singleElement().satisfies(o -> assertThat(o.quantity()).isEqualByComparingTo("1"));
        }
        assertThat(amendsSent.get()).isZero();
    }

    @Test
    void theSpiSaysWhichOptionalCallsAVenueLacks() {
        ExchangeAdapter paper = new PaperExchange(LiveLoopTest.paper());
        assertThat(paper.capabilities()).contains(ExchangeAdapter.Capability.AMEND_QUANTITY, ExchangeAdapter.Capability.MARKET_BY_QUOTE)
                .doesNotContain(ExchangeAdapter.Capability.CANCEL_REPLACE);

        ExchangeException refused = org.assertj.core.api.Assertions.catchThrowableOfType(ExchangeException.class,
                () -> paper.cancelReplace("x-1", new OrderRequest("x-2", "BTCUSDT", Side.BUY, OrderType.LIMIT, BigDecimal.ONE,
                        Optional.of(new BigDecimal("90")), TimeInForce.GTC, false)));

        assertThat(refused.category()).isEqualTo(ErrorCategory.INVALID_ORDER);
        assertThat(refused.venueCode()).isEqualTo(ExchangeAdapter.UNSUPPORTED);
        assertThat(refused.getMessage()).contains("paper (PaperExchange)").contains("cancelReplace(BTCUSDT, x-1)")
                .contains("CANCEL_REPLACE");
    }

}
