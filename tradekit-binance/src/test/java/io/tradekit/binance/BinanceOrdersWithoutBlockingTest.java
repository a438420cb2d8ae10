package io.tradekit.binance;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.binance.internal.BinanceErrors;
import io.tradekit.binance.sim.BinanceSimulator;
import io.tradekit.core.net.RequestBudget;
import io.tradekit.core.net.RequestBudgets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code placeWithoutBlocking} over REST and over the WebSocket API, against the simulator on loopback: the order is
 * signed and sent on the calling thread, which does not wait for the answer, and the answer (or its absence) ends the
 * same way {@code place} ends: acknowledged, refused, or of unknown outcome and never sent again. When sending would
 * have to wait, nothing is sent and the caller is told to use {@code place}.
 */
class BinanceOrdersWithoutBlockingTest {

    private SimulatedBinance venue;

    @AfterEach
    void stop() {
        if (venue != null) venue.close();
    }

    private BinanceAdapter start(String channel, Map<String, String> extra) {
        venue = new SimulatedBinance(TestBars.wave("ETHUSDT", Timeframe.M1, 20), 5);
        Map<String, String> params = new HashMap<>(Map.of("orderChannel", channel, "requestTimeoutMs", "15000"));
        params.putAll(extra);
        BinanceAdapter binance = venue.adapter(params);
        binance.instrument("ETHUSDT");
        binance.lookup("ETHUSDT", "warm-up"); // the clock is sampled and the WebSocket API connection is open
        return binance;
    }

    private static OrderRequest limit(String id, String price) {
        return new OrderRequest(id, "ETHUSDT", Side.BUY, OrderType.LIMIT, new BigDecimal("0.1"), Optional.of(new BigDecimal(price)),
                TimeInForce.GTC, false);
    }

    private static ExchangeException failureOf(CompletionStage<OrderAck> answer) throws Exception {
        try {
            answer.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExchangeException x) return x;
            throw new AssertionError("expected an ExchangeException, got " + e.getCause(), e.getCause());
        }
        throw new AssertionError("expected the answer to fail");
    }

    private int newOrdersOverRest() {
        return venue.sim.requests("POST", "/api/v3/order");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "websocket"})
    void anOrderSentWithoutBlockingIsAcknowledgedAsPlaceAcknowledgesIt(String channel) throws Exception {
        BinanceAdapter binance = start(channel, Map.of());

        OrderAck ack = binance.placeWithoutBlocking(limit("nb-1", "90.00")).orElseThrow().toCompletableFuture().get(15, TimeUnit.SECONDS);

        assertThat(ack.clientOrderId()).isEqualTo("nb-1");
        assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
        assertThat(binance.lookup("ETHUSDT", "nb-1").orElseThrow().limitPrice().orElseThrow()).isEqualByComparingTo("90");
        assertThat(venue.sim.orders()).extracting(Order::clientOrderId).containsExactly("nb-1");
        assertThat(newOrdersOverRest()).isEqualTo(channel.equals("rest") ? 1 : 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "websocket"})
    void theCallerDoesNotWaitForTheAnswerAndOneThatNeverComesIsUnknownAtTheDeadlineNeverResent(String channel) throws Exception {
        BinanceAdapter binance = start(channel, Map.of("requestTimeoutMs", "2000"));
        // the request reaches the venue; its answer stalls half-way (REST) or never comes (WebSocket API)
        if (channel.equals("rest")) venue.sim.stallNextBodies(1, Duration.ofSeconds(6));
        else venue.sim.silenceStreams(true);

        long started = System.nanoTime();
        CompletionStage<OrderAck> answer = binance.placeWithoutBlocking(limit("nb-late", "90.00")).orElseThrow();
        long returnedMillis = (System.nanoTime() - started) / 1_000_000;
        ExchangeException unknown = failureOf(answer);
        long endedMillis = (System.nanoTime() - started) / 1_000_000;
        venue.sim.silenceStreams(false);

        assertThat(returnedMillis).isLessThan(1000); // the answer was 2 s away (never, over the WebSocket API)
        assertThat(endedMillis).isBetween(1900L, 5000L); // ended by the 2 s deadline, not by the venue
        assertThat(unknown.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(unknown.getMessage()).contains("client order id nb-late").contains("look it up");
        SimulatedBinance.awaitTrue("the order found by its client order id", () -> binance.lookup("ETHUSDT", "nb-late").isPresent());
        assertThat(venue.sim.orders()).extracting(Order::clientOrderId).containsExactly("nb-late");
        assertThat(newOrdersOverRest()).isEqualTo(channel.equals("rest") ? 1 : 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "websocket"})
    void aTimestampRefusedAsOutsideTheWindowIsSignedAgainWithAResampledClockAndPlacedOnce(String channel) throws Exception {
        BinanceAdapter binance = start(channel, Map.of());
        int timeRequests = venue.sim.requests("GET", "/api/v3/time");
        venue.sim.skewClock(Duration.ofSeconds(-30)); // the venue's clock jumps back: our timestamps are now ahead

        OrderAck ack = binance.placeWithoutBlocking(limit("nb-skew", "90.00")).orElseThrow().toCompletableFuture().get(15, TimeUnit.SECONDS);

        assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
        if (channel.equals("rest")) assertThat(venue.sim.errors(-1021)).isEqualTo(1); // the simulator counts REST answers
        assertThat(venue.sim.requests("GET", "/api/v3/time")).isGreaterThan(timeRequests);
        assertThat(venue.sim.orders()).extracting(Order::clientOrderId).containsExactly("nb-skew");
    }

    @Test
    void aServerErrorAfterTheVenueTookTheOrderIsUnknownAndTheOrderIsNeverResent() throws Exception {
        BinanceAdapter binance = start("rest", Map.of());
        venue.sim.failNextOrders(1, BinanceSimulator.OrderFailure.AFTER_ACCEPTING);

        ExchangeException unknown = failureOf(binance.placeWithoutBlocking(limit("nb-500", "90.00")).orElseThrow());

        assertThat(unknown.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(binance.lookup("ETHUSDT", "nb-500").orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        assertThat(newOrdersOverRest()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "websocket"})
    void anOrderThatBreaksAFilterIsRefusedBeforeAnythingIsSent(String channel) {
        BinanceAdapter binance = start(channel, Map.of());

        OrderRejectedException refused = catchThrowableOfType(OrderRejectedException.class,
                () -> binance.placeWithoutBlocking(limit("nb-dear", "2000000")));

        assertThat(refused.rule()).isEqualTo("PRICE_FILTER");
        assertThat(venue.sim.orders()).isEmpty();
        assertThat(newOrdersOverRest()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "websocket"})
    void whenSendingWouldWaitNothingIsSentAndPlaceSendsItInstead(String channel) {
        BinanceAdapter binance = start(channel, Map.of());
        // the key's shared budget is paused (as after a rate-limit answer to another bot on the same key): sending now
        // would mean waiting
        RequestBudget weight = RequestBudgets.shared().budget(BinanceErrors.VENUE, venue.credentials.apiKey(), "weight-1m",
                () -> { throw new AssertionError("the adapter's budget should exist"); });
        weight.pauseFor(Duration.ofMillis(1500));
        long used = weight.used();
        int requestsBefore = venue.sim.requests();

        Optional<CompletionStage<OrderAck>> sent = binance.placeWithoutBlocking(limit("nb-wait", "90.00"));

        assertThat(sent).isEmpty();
        assertThat(weight.used()).isEqualTo(used); // nothing taken
        assertThat(venue.sim.requests()).isEqualTo(requestsBefore);
        assertThat(venue.sim.orders()).isEmpty();
        assertThat(binance.place(limit("nb-wait", "90.00")).status()).isEqualTo(OrderStatus.NEW); // waits out the pause
        assertThat(venue.sim.orders()).extracting(Order::clientOrderId).containsExactly("nb-wait");
    }

    @Test
    void beforeTheWebSocketApiIsConnectedNothingIsSentWithoutBlocking() throws Exception {
        venue = new SimulatedBinance(TestBars.wave("ETHUSDT", Timeframe.M1, 20), 5);
        BinanceAdapter binance = venue.adapter(Map.of("orderChannel", "websocket"));
        binance.instrument("ETHUSDT");

        assertThat(binance.placeWithoutBlocking(limit("nb-early", "90.00"))).isEmpty();
        assertThat(venue.sim.orders()).isEmpty();
        // place opens the connection and sends; from then on the order channel is ready
        assertThat(binance.place(limit("nb-early", "90.00")).status()).isEqualTo(OrderStatus.NEW);
        CompletableFuture<OrderAck> next = binance.placeWithoutBlocking(limit("nb-next", "89.00")).orElseThrow().toCompletableFuture();
        assertThat(next.get(15, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.NEW);
    }
}
