package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.event.EventSink;
import io.tradekit.core.BotBuilder;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.Waits;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live bot whose venue can send an order without blocking ({@code ExchangeAdapter.placeWithoutBlocking}) sends it
 * from its loop, with no hand-off to another thread, and treats the answer that comes later exactly as an answer to
 * {@code place}: applied, looked up when unknown or late, a refusal rejects. The venue is a real paper venue; only
 * the way its answer travels is changed.
 */
class PlacementWithoutBlockingTest {

    /** How long a test waits for what another thread does. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ExecutorService answers = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-venue-answers"));

    @AfterEach
    void stop() {
        answers.shutdownNow();
    }

    /** A paper venue that answers through {@code answer}, applied to the order as the paper venue took it. */
    private static class StreamingVenue extends ForwardingVenue {
        final AtomicInteger blockingPlacements = new AtomicInteger();
        final AtomicInteger sentWithoutBlocking = new AtomicInteger();
        final List<String> sendingThreads = new CopyOnWriteArrayList<>();
        final List<String> blockingThreads = new CopyOnWriteArrayList<>();
        private final BiFunction<PaperExchange, OrderRequest, Optional<CompletionStage<OrderAck>>> answer;

        /** @param answer how an order is sent without blocking, given the paper venue to take it */
        StreamingVenue(BiFunction<PaperExchange, OrderRequest, Optional<CompletionStage<OrderAck>>> answer) {
            super(new PaperExchange(PaperSettings.of(Bars.BTC, new BigDecimal("10000"))));
            this.answer = answer;
        }

        @Override
        public Optional<CompletionStage<OrderAck>> placeWithoutBlocking(OrderRequest request) {
            sendingThreads.add(Thread.currentThread().getName());
            Optional<CompletionStage<OrderAck>> sent = answer.apply(inner, request);
            if (sent.isPresent()) sentWithoutBlocking.incrementAndGet();
            return sent;
        }

        @Override
        public OrderAck place(OrderRequest request) {
            blockingPlacements.incrementAndGet();
            blockingThreads.add(Thread.currentThread().getName());
            return inner.place(request);
        }
    }

    private static BotBuilder liveBot(String name, StreamingVenue venue, List<BotEvent.ErrorOccurred> errors) {
        return TradeKit.bot(name).exchange(venue).symbol("BTCUSDT").timeframe(Bars.BTC_TF).strategy(new SubmitOnce(OrderIntent.market("BTCUSDT", Side.BUY, BigDecimal.ONE)))
                .staleAfter(Duration.ofDays(100_000)).onEvent(e -> {
                    if (e instanceof BotEvent.ErrorOccurred x) errors.add(x);
                });
    }

    private static void feed(TradingBot bot, StreamingVenue venue, String... closes) {
        for (Bar bar : Bars.closes(closes)) {
            venue.paper().onBar(bar); // the wrapper is not itself a PaperExchange, so its book is fed by hand
            ReplayDriver.of(bot).feed(bar);
        }
    }

    @Test
    void anOrderIsSentFromTheLoopAndItsLaterAnswerIsApplied() throws Exception {
        // the venue takes the order; its answer arrives later, on the venue's own thread
        StreamingVenue venue = new StreamingVenue((paper, request) -> Optional.of(CompletableFuture.supplyAsync(() -> paper.place(request),
                answers)));
        List<BotEvent.ErrorOccurred> errors = new CopyOnWriteArrayList<>();
        try (TradingBot bot = liveBot("streaming", venue, errors).build()) {
            bot.start();
            feed(bot, venue, "100");
            Waits.until("the fill applied", PATIENCE, () -> bot.position().quantity().signum() != 0);

            assertThat(bot.position().quantity()).isEqualByComparingTo("1");
            assertThat(bot.orders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
            assertThat(venue.sentWithoutBlocking.get()).isEqualTo(1);
            assertThat(venue.blockingPlacements.get()).isZero();
            assertThat(venue.sendingThreads).containsExactly("tradekit-loop-streaming");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void anAnswerOfUnknownOutcomeIsLookedUpAndItsFillAppliedOnceNeverResent() throws Exception {
        StreamingVenue venue = new StreamingVenue((paper, request) -> Optional.of(CompletableFuture.supplyAsync(() -> {
            paper.place(request); // taken by the venue, but the answer says only that the connection broke
            throw new ExchangeException("paper", ErrorCategory.UNKNOWN_OUTCOME, "", "connection lost after sending");
        }, answers)));
        List<BotEvent.ErrorOccurred> errors = new CopyOnWriteArrayList<>();
        try (TradingBot bot = liveBot("unknown", venue, errors).build()) {
            bot.start();
            feed(bot, venue, "100");
            Waits.until("the order found and filled", PATIENCE, () -> bot.orders().stream().anyMatch(o -> o.status() == OrderStatus.FILLED));

            assertThat(bot.position().quantity()).isEqualByComparingTo("1");
            assertThat(venue.sentWithoutBlocking.get()).isEqualTo(1);
            assertThat(venue.blockingPlacements.get()).isZero(); // never sent again
            assertThat(venue.paper().fills("BTCUSDT", Bars.T0)).hasSize(1);
            assertThat(errors).anySatisfy(e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
                assertThat(e.message()).contains("connection lost after sending");
            });
        }
    }

    @Test
    void anAnswerThatNeverComesIsLookedUpAfterTheAckTimeout() throws Exception {
        CompletableFuture<OrderAck> never = new CompletableFuture<>();
        StreamingVenue venue = new StreamingVenue((paper, request) -> {
            paper.place(request); // the venue takes the order...
            return Optional.of(never); // ...and its answer is lost
        }) {
            @Override
            public void connect(EventSink sink) {
                // no order stream either: only the lookup after the timeout can find the order
            }
        };
        List<BotEvent.ErrorOccurred> errors = new CopyOnWriteArrayList<>();
        try (TradingBot bot = liveBot("silent", venue, errors).strategy(new SubmitOnce(OrderIntent.limit("BTCUSDT", Side.BUY, BigDecimal.ONE, new BigDecimal("90")))).ackTimeout(Duration.ofMillis(300)).build()) {
            bot.start();
            feed(bot, venue, "100");
            Waits.until("the order found resting", PATIENCE, () -> bot.orders().stream().anyMatch(o -> o.status() == OrderStatus.NEW));

            assertThat(bot.openOrders()).singleElement().satisfies(o -> assertThat(o.limitPrice().orElseThrow()).isEqualByComparingTo("90"));
            assertThat(venue.paper().openOrders("BTCUSDT")).hasSize(1); // sent once, never again
            assertThat(venue.blockingPlacements.get()).isZero();
            assertThat(errors).anySatisfy(e -> assertThat(e.message()).contains("no answer within PT0.3S; looking it up"));
        }
    }

    @Test
    void aVenueThatCannotSendAtOnceGetsTheOrderThroughPlaceOffTheLoop() throws Exception {
        StreamingVenue venue = new StreamingVenue((paper, request) -> Optional.empty()); // e.g. its connection is not open yet
        List<BotEvent.ErrorOccurred> errors = new CopyOnWriteArrayList<>();
        try (TradingBot bot = liveBot("fallback", venue, errors).build()) {
            bot.start();
            feed(bot, venue, "100");
            Waits.until("the fill applied", PATIENCE, () -> bot.position().quantity().signum() != 0);

            assertThat(venue.sendingThreads).containsExactly("tradekit-loop-fallback");
            assertThat(venue.blockingPlacements.get()).isEqualTo(1);
            assertThat(venue.blockingThreads).singleElement().satisfies(t -> assertThat(t).doesNotStartWith("tradekit-loop"));
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void aRefusalBeforeAnythingIsSentRejectsTheOrder() throws Exception {
        StreamingVenue venue = new StreamingVenue((paper, request) -> {
            throw new ExchangeException("paper", ErrorCategory.INVALID_ORDER, "-1013", "Filter failure: LOT_SIZE");
        });
        List<BotEvent.ErrorOccurred> errors = new CopyOnWriteArrayList<>();
        try (TradingBot bot = liveBot("refused", venue, errors).build()) {
            bot.start();
            feed(bot, venue, "100");
            Waits.until("the order rejected", PATIENCE, () -> bot.orders().stream().anyMatch(o -> o.status() == OrderStatus.REJECTED));

            assertThat(bot.position().quantity()).isEqualByComparingTo("0");
            assertThat(venue.blockingPlacements.get()).isZero();
            assertThat(venue.paper().openOrders("BTCUSDT")).isEmpty();
            assertThat(errors).anySatisfy(e -> assertThat(e.message()).contains("rejected").contains("LOT_SIZE"));
        }
    }

    @Test
    void aBotOnADataClockCallsItsVenueInOrderAndNeverFromItsLoop() {
        StreamingVenue venue = new StreamingVenue((paper, request) -> {
            throw new AssertionError("a replay's venue calls run one at a time, in order, off the loop");
        });
        List<BotEvent.ErrorOccurred> errors = new CopyOnWriteArrayList<>();
        try (TradingBot bot = liveBot("replayed", venue, errors).dataClock().build()) {
            bot.start();
            feed(bot, venue, "100", "101");

            assertThat(bot.position().quantity()).isEqualByComparingTo("1");
            assertThat(venue.sendingThreads).isEmpty();
            assertThat(venue.blockingPlacements.get()).isEqualTo(1);
        }
    }
}
