package io.tradekit.binance;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.binance.internal.BinanceErrors;
import io.tradekit.core.net.RequestBudget;
import io.tradekit.core.net.RequestBudgets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Orders over the WebSocket API ({@code orderChannel=websocket}) against the simulator over loopback. */
class BinanceWebSocketOrdersTest {

    /** A deadline generous for a loaded machine; the test of the deadline itself sets a shorter one. */
    private static final Map<String, String> OVER_WEBSOCKET = Map.of("orderChannel", "websocket", "requestTimeoutMs", "15000");

    private SimulatedBinance venue;

    @AfterEach
    void stop() {
        if (venue != null) venue.close();
    }

    private BinanceAdapter start() {
        return start(OVER_WEBSOCKET);
    }

    private BinanceAdapter start(Map<String, String> params) {
        venue = new SimulatedBinance(TestBars.wave("ETHUSDT", Timeframe.M1, 20), 5);
        return venue.adapter(params);
    }

    private static OrderRequest limit(String id, String price) {
        return new OrderRequest(id, "ETHUSDT", Side.BUY, OrderType.LIMIT, new BigDecimal("0.1"), Optional.of(new BigDecimal(price)),
                TimeInForce.GTC, false);
    }

    @Test
    void placesLooksUpAndCancelsOverTheWebSocketApiNotRest() {
        BinanceAdapter binance = start();

        OrderAck ack = binance.place(limit("ws-1", "90.00"));
        binance.place(limit("ws-2", "89.00"));
        Order found = binance.lookup("ETHUSDT", "ws-1").orElseThrow();
        binance.cancel("ETHUSDT", "ws-1");
        int cancelledByAll = binance.cancelAll("ETHUSDT");

        assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
        assertThat(found.limitPrice()).contains(new BigDecimal("90.00000000"));
        assertThat(cancelledByAll).isEqualTo(1); // ws-2; ws-1 was cancelled on its own
        assertThat(venue.sim.orders()).extracting(Order::status).containsOnly(OrderStatus.CANCELED);
        assertThat(venue.sim.requests("POST", "/api/v3/order")).isZero();
        assertThat(venue.sim.requests("GET", "/api/v3/order")).isZero();
        assertThat(venue.sim.requests("DELETE", "/api/v3/order")).isZero();
        assertThat(venue.sim.requests("DELETE", "/api/v3/openOrders")).isZero();
    }

    @Test
    void aDisconnectAfterSendingIsAnUnknownOutcomeResolvedByLookupNeverResent() {
        BinanceAdapter binance = start();
        binance.lookup("ETHUSDT", "warm-up"); // the connection is up before the fault is armed
        venue.sim.dropAfterNextWebSocketOrders(1);

        ExchangeException unknown = catchThrowableOfType(ExchangeException.class, () -> binance.place(limit("ws-lost", "90.00")));

        assertThat(unknown.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(unknown.getMessage()).contains("order.place").contains("look it up by its client order id");
        // the order reached the book before the cut; the lookup (on a new connection) finds it, and it was sent once
        Order found = binance.lookup("ETHUSDT", "ws-lost").orElseThrow();
        assertThat(found.status()).isEqualTo(OrderStatus.NEW);
        assertThat(venue.sim.orders()).extracting(Order::clientOrderId).containsExactly("ws-lost");
    }

    @Test
    void aRateLimitAnswerPausesTheSharedBudgetUntilItsRetryAfter() {
        BinanceAdapter binance = start();
        binance.lookup("ETHUSDT", "warm-up");
        venue.sim.rateLimitNextWebSocketOrders(1, Duration.ofSeconds(30));

        ExchangeException limited = catchThrowableOfType(ExchangeException.class, () -> binance.place(limit("ws-limited", "90.00")));

        assertThat(limited.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(limited.venueCode()).isEqualTo("-1003");
        assertThat(limited.retryAfter()).isPresent();
        assertThat(limited.retryAfter().get()).isGreaterThan(Duration.ofSeconds(20)); // data.retryAfter is 30 s after the answer
        RequestBudget weight = RequestBudgets.shared().budget(BinanceErrors.VENUE, venue.credentials.apiKey(), "weight-1m",
                () -> { throw new AssertionError("the adapter's budget should exist"); });
        assertThat(weight.pausedUntil()).isPresent();
        assertThat(venue.sim.orders()).isEmpty();
    }

    @Test
    void theWeightTheVenueReportsInRateLimitsCorrectsTheSharedBudget() {
        BinanceAdapter binance = start();
        // both sides count weight per wall-clock minute: start well inside one, so that all of this falls in it
        while (System.currentTimeMillis() % 60_000 >= 45_000) {
            Thread.onSpinWait(); // at most 15 s, until the next minute starts
        }
        binance.lookup("ETHUSDT", "warm-up");
        venue.sim.chargeWebSocketWeight(4000); // used from elsewhere on the same IP, unseen by this adapter

        binance.place(limit("ws-counted", "90.00"));

        RequestBudget weight = RequestBudgets.shared().budget(BinanceErrors.VENUE, venue.credentials.apiKey(), "weight-1m",
                () -> { throw new AssertionError("the adapter's budget should exist"); });
        // the answer's rateLimits report 4 (order.status) + 4000 + 1 (order.place) = 4005, above the adapter's own count
        assertThat(weight.used()).isEqualTo(4005);
    }

    @Test
    void anAnswerThatNeverComesEndsAtTheDeadlineAsUnknownAndTheOrderIsFoundOnce() {
        BinanceAdapter binance = start(Map.of("orderChannel", "websocket", "requestTimeoutMs", "8000"));
        binance.lookup("ETHUSDT", "warm-up");
        venue.sim.silenceStreams(true); // requests still reach the venue; nothing comes back

        ExchangeException unknown = catchThrowableOfType(ExchangeException.class, () -> binance.place(limit("ws-silent", "90.00")));
        venue.sim.silenceStreams(false);

        assertThat(unknown.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(unknown.getMessage()).contains("no answer within 8000 ms");
        assertThat(binance.lookup("ETHUSDT", "ws-silent").orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        assertThat(venue.sim.orders()).extracting(Order::clientOrderId).containsExactly("ws-silent");
    }

    @Test
    void aRefusingVenueMeetsBackoffNotAStormAndNothingIsSentUntilItAccepts() {
        BinanceAdapter binance = start(Map.of("orderChannel", "websocket", "requestTimeoutMs", "3000"));
        RecordingSink events = new RecordingSink();
        binance.connect(events);
        binance.lookup("ETHUSDT", "warm-up");
        venue.sim.refuseConnections(503, Duration.ZERO);
        int attemptsBefore = venue.sim.webSocketAttempts();
        long refusedSince = System.nanoTime();
        venue.sim.dropAllConnections();
        events.await(Event.ConnectionChanged.class, c -> c.stream().equals("ws-api") && c.state() == ConnectionState.RECONNECTING);

        ExchangeException notSent = catchThrowableOfType(ExchangeException.class, () -> binance.place(limit("ws-refused", "90.00")));
        events.await(Event.ConnectionChanged.class, c -> c.stream().equals("ws-api") && c.state() == ConnectionState.DISCONNECTED,
                Duration.ofSeconds(60));
        int attemptsWhileRefused = venue.sim.webSocketAttempts() - attemptsBefore;
        long refusedMillis = (System.nanoTime() - refusedSince) / 1_000_000;
        venue.sim.acceptConnections();

        assertThat(notSent.category()).isEqualTo(ErrorCategory.VENUE_UNAVAILABLE);
        assertThat(notSent.getMessage()).contains("nothing was sent");
        // a rate, not a speed: three sockets (market, user, ws-api orders) wait 50 ms doubling to a 400 ms cap,
        // jittered by half, so after its first five tries none tries more than once per 200 ms; retrying at
        // once would make hundreds a second. At least the five that reported the ws-api socket down.
        assertThat(attemptsWhileRefused).isBetween(5, (int) (3 * (5 + refusedMillis / 200)));
        SimulatedBinance.awaitTrue("order placed once the venue accepts again", () -> {
            try {
                return binance.place(limit("ws-after", "90.00")).status() == OrderStatus.NEW;
            } catch (ExchangeException stillDown) {
                return false;
            }
        });
        assertThat(venue.sim.orders()).extracting(Order::clientOrderId).containsExactly("ws-after");
    }
}
