package io.tradekit.core.safety;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.Side;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.errors.HealthSettings;
import io.tradekit.core.errors.LoopbackFailures;
import io.tradekit.core.paper.PaperSettings;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tradekit.core.safety.TestBars.BTC;
import static io.tradekit.core.safety.TestBars.T0;
import static io.tradekit.core.safety.TestBars.bar;
import static io.tradekit.core.safety.TestBars.d;
import static org.assertj.core.api.Assertions.assertThat;

/** Failures met through a real bot: each gets its category and recovery, and the health monitor pauses and resumes the bot. */
class ErrorRecoveryTest {

    private static final PaperSettings PAPER = PaperSettings.of(BTC, d("10000"));
    private final List<BotEvent> events = new CopyOnWriteArrayList<>();

    /** Keeps one bid of 0.1 at 90 working while flat. */
    private static final Strategy BIDDER = (bar, ctx) -> {
        if (ctx.openOrders().isEmpty() && ctx.position().isFlat()) ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, d("0.1"), d("90")));
    };

    private TradingBot bot(WrappedPaperVenue venue, Strategy strategy, HealthSettings health) {
        return TradeKit.bot("errs").exchange(venue).symbol("BTCUSDT").timeframe(io.tradekit.api.Timeframe.M1).strategy(strategy)
                .dataClock().health(health).onEvent(events::add).build();
    }

    private List<String> transitions() {
        return events.stream().filter(e -> e instanceof BotEvent.StateChanged).map(e -> (BotEvent.StateChanged) e)
                .filter(s -> s.from() != BotState.CREATED && s.from() != BotState.STARTING)
                .map(s -> s.from() + " -> " + s.to() + " by " + s.actor() + ": " + s.reason()).toList();
    }

    private List<BotEvent.ErrorOccurred> errors() {
        return events.stream().filter(e -> e instanceof BotEvent.ErrorOccurred).map(e -> (BotEvent.ErrorOccurred) e).toList();
    }

    @Test
    void anAuthFailurePausesTheBotWithTheReasonUntilAnOperatorResumes() {
        AtomicInteger failures = new AtomicInteger(1);
        WrappedPaperVenue venue = new WrappedPaperVenue(PAPER) {
            @Override
            protected OrderAck placeAtPaper(OrderRequest request) {
                if (failures.getAndDecrement() > 0) {
                    throw new ExchangeException("paper", ErrorCategory.AUTH, "-2015", "Invalid API-key, IP, or permissions for action");
                }
                return super.placeAtPaper(request);
            }
        };
        try (TradingBot bot = bot(venue, BIDDER, HealthSettings.defaults())) {
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));
            assertThat(bot.state()).isEqualTo(BotState.PAUSED);
            assertThat(bot.orders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.REJECTED));
            assertThat(errors()).singleElement().satisfies(e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                assertThat(e.action()).isEqualTo(RecoveryAction.HALT);
            });
            assertThat(transitions()).singleElement().asString()
                    .startsWith("RUNNING -> PAUSED by health: place: AUTH order ")
                    .contains("rejected: Invalid API-key, IP, or permissions for action")
                    .endsWith("; halted until an operator resumes the bot");

            // An AUTH failure does not mend itself: minutes later the bot is still paused, and no order went out.
            for (int i = 1; i <= 5; i++) venue.feed(bot, bar(i, "100", "100.5", "99.5", "100"));
            assertThat(bot.state()).isEqualTo(BotState.PAUSED);
            assertThat(venue.requests).hasSize(1);
            assertThat(venue.lookups).isEmpty(); // a refusal is not an unknown outcome

            bot.resume("alice", "new API key installed");
            venue.feed(bot, bar(6, "100", "100.5", "99.5", "100"));
            assertThat(bot.state()).isEqualTo(BotState.RUNNING);
            assertThat(bot.openOrders()).hasSize(1);
        }
    }

    @Test
    void aRefusedConnectionRejectsTheOrderButAResetAfterSendingLooksItUp() throws Exception {
        ConnectException refused = LoopbackFailures.refusedConnection();
        SocketException reset = LoopbackFailures.resetAfterSending();
        AtomicInteger calls = new AtomicInteger();
        WrappedPaperVenue venue = new WrappedPaperVenue(PAPER) {
            @Override
            protected OrderAck placeAtPaper(OrderRequest request) {
                int n = calls.incrementAndGet();
                if (n == 1) throw new UncheckedIOException(refused);
                if (n == 2) {
                    // The order reaches the book, then the connection breaks before the answer, and the user stream is down.
                    muted = true;
                    try {
                        super.placeAtPaper(request);
                    } finally {
                        muted = false;
                    }
                    throw new UncheckedIOException(reset);
                }
                return super.placeAtPaper(request);
            }
        };
        Strategy twoBuys = new Strategy() {
            int n;

            @Override
            public void onBar(Bar bar, StrategyContext ctx) {
                if (n++ < 2) ctx.submit(OrderIntent.market("BTCUSDT", Side.BUY, d("1")));
            }
        };
        try (TradingBot bot = bot(venue, twoBuys, HealthSettings.defaults())) {
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));
            venue.feed(bot, bar(1, "100", "100.5", "99.5", "100"));
            String a = venue.requests.get(0).clientOrderId();
            String b = venue.requests.get(1).clientOrderId();
            assertThat(bot.orders()).filteredOn(o -> o.clientOrderId().equals(b)).singleElement()
                    .satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.UNKNOWN));

            venue.feed(bot, bar(2, "100", "100.5", "99.5", "100"));
            // The lookup is a network deadline: due two seconds later on the wall clock, whatever the data's clock does.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && venue.lookups.isEmpty()) Thread.sleep(50);
            ReplayDriver.of(bot).awaitIdle(java.time.Duration.ofSeconds(5));

            assertThat(bot.orders()).extracting(o -> o.clientOrderId() + " " + o.status())
                    .containsExactly(a + " REJECTED", b + " FILLED");
            assertThat(venue.lookups).containsExactly(b);
            assertThat(bot.position().quantity()).isEqualByComparingTo("1");
            assertThat(venue.paper().fills("BTCUSDT", T0)).hasSize(1);
            assertThat(errors()).extracting(e -> e.category() + " " + e.action())
                    .containsExactly("NETWORK RETRY", "UNKNOWN_OUTCOME RESYNC_STATE");
            assertThat(bot.state()).isEqualTo(BotState.RUNNING);
        }
    }

    @Test
    void aStreamDownLongerThanTheLimitPausesTheBotAndItsReturnResumesIt() {
        WrappedPaperVenue venue = new WrappedPaperVenue(PAPER);
        try (TradingBot bot = bot(venue, BIDDER, HealthSettings.defaults())) {
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));
            venue.post(new Event.ConnectionChanged("paper", "market", ConnectionState.DISCONNECTED, "socket closed", T0.plusSeconds(60)));
            ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(5));
            assertThat(bot.state()).isEqualTo(BotState.RUNNING);

            venue.feed(bot, bar(1, "100", "100.5", "99.5", "100")); // a minute later
            assertThat(bot.state()).isEqualTo(BotState.PAUSED);

            venue.post(new Event.ConnectionChanged("paper", "market", ConnectionState.CONNECTED, "", T0.plusSeconds(125)));
            ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(5));
            assertThat(bot.state()).isEqualTo(BotState.RUNNING);
            assertThat(transitions()).containsExactly(
                    "RUNNING -> PAUSED by health: paper market DISCONNECTED (socket closed): down since " + T0.plusSeconds(60)
                            + ", longer than health max-disconnected PT30S",
                    "PAUSED -> RUNNING by safety: every limit is within bounds again");
        }
    }

    @Test
    void tooManyErrorsInTheWindowPauseTheBotUntilTheyAgeOut() {
        WrappedPaperVenue venue = new WrappedPaperVenue(PAPER);
        try (TradingBot bot = bot(venue, BIDDER, HealthSettings.defaults().withMaxErrors(3, Duration.ofMinutes(1)))) {
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));
            for (int i = 1; i <= 3; i++) {
                venue.post(new Event.ErrorRaised("market", ErrorCategory.MALFORMED_DATA, "unreadable market frame", "{\"e\":", T0.plusSeconds(60 + i)));
            }
            ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(5));
            assertThat(bot.state()).isEqualTo(BotState.PAUSED);
            assertThat(bot.safetyReport().activeBreakers()).singleElement().satisfies(v ->
                    assertThat(v.reason()).isEqualTo("3 errors within PT1M reached health max-errors 3 (MALFORMED_DATA 3)"));

            venue.feed(bot, bar(3, "100", "100.5", "99.5", "100")); // three minutes on: the errors are out of the window
            assertThat(bot.state()).isEqualTo(BotState.RUNNING);
            assertThat(bot.safetyReport().health().errorsInWindow()).isEmpty();
        }
    }
}
