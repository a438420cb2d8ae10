package io.tradekit.core.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Submission;
import io.tradekit.core.errors.ClassifiedError;
import io.tradekit.core.errors.ErrorClassifier;

import java.time.Duration;
import java.time.Instant;

/**
 * The execution side: writes an order ahead, sends it off the loop, and follows it to an answer. A
 * request whose answer does not come within the ack timeout (wall time, see {@link NetworkDeadlines})
 * or whose outcome is unknown is looked up at the venue by its client order id until it is settled;
 * cancels and fill fetches go the same way. Answers come back to the engine on the loop.
 */
final class Execution {

    private static final Duration LOOKUP_DELAY = Duration.ofSeconds(2);
    private static final int MAX_LOOKUPS = 5;

    private final BotEngine engine;
    private NetworkDeadlines deadlines;
    private Duration ackTimeout = Duration.ofSeconds(10);
    private long ordersSent;

    Execution(BotEngine engine, NetworkDeadlines deadlines) {
        this.engine = engine;
        this.deadlines = deadlines;
    }

    void useDeadlines(NetworkDeadlines networkDeadlines) {
        this.deadlines = networkDeadlines;
    }

    Duration ackTimeout() {
        return ackTimeout;
    }

    void setAckTimeout(Duration timeout) {
        this.ackTimeout = timeout;
    }

    long ordersSent() {
        return ordersSent;
    }

    /** Writes the order ahead and sends it; used directly by flatten, which bypasses policies but not the journal. */
    Submission send(OrderIntent intent, Instant now) {
        OrderRequest request = OrderRequest.of(engine.orders.nextClientOrderId(), intent);
        Order order = Order.pendingNew(request, intent.tag(), now);
        engine.store.writeAhead(order);
        engine.orders.add(order);
        ordersSent++;
        if (engine.auditsTrades()) TradeAudit.order(engine, order);
        if (engine.hasListeners()) engine.publish(new BotEvent.OrderSubmitted(now, order));
        engine.calls.call(() -> engine.venue.place(request), (ack, failure) -> onPlaced(request, ack, failure));
        // A request whose answer never comes is not forgotten: after the timeout (wall time) it is looked up.
        if (deadlines.onWallClock()) deadlines.after(ackTimeout, () -> engine.orders.get(request.clientOrderId())
                .filter(o -> o.status() == OrderStatus.PENDING_NEW)
                .ifPresent(o -> {
                    engine.orders.markUnknown(o.clientOrderId(), engine.clock.now(), "no answer from the venue within " + ackTimeout)
                            .ifPresent(engine::orderChanged);
                    engine.reportError("place", ErrorCategory.TIMEOUT, RecoveryAction.RESYNC_STATE,
                            "order " + o.clientOrderId() + ": no answer within " + ackTimeout + "; looking it up");
                    scheduleLookup(o.clientOrderId(), o.symbol(), 1);
                }));
        return Submission.sent(order);
    }

    /** Sends an order that was written ahead in an earlier run and never reached the venue; waits for the answer. */
    void resend(Order order) {
        OrderRequest request = order.request();
        OrderAck ack = null;
        RuntimeException failure = null;
        try {
            ack = engine.venue.place(request);
        } catch (RuntimeException e) {
            failure = e;
        }
        onPlaced(request, ack, failure);
    }

    private void onPlaced(OrderRequest request, OrderAck ack, RuntimeException failure) {
        if (failure == null) {
            engine.orders.onAck(ack).ifPresent(engine::orderChanged);
            for (Fill fill : ack.fills()) engine.applyFill(fill);
            return;
        }
        // A network error is never an order failure by itself: only a failure that proves the order is not at
        // the venue rejects it; anything else (timeout, reset after sending, 5xx) is looked up (see ErrorClassifier).
        ClassifiedError classified = ErrorClassifier.classifyPlacement(failure);
        switch (classified.category()) {
            case UNKNOWN_OUTCOME -> {
                engine.orders.markUnknown(request.clientOrderId(), engine.clock.now(), failure.getMessage()).ifPresent(engine::orderChanged);
                engine.reportError("place", ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE,
                        "order " + request.clientOrderId() + ": outcome unknown (" + failure.getMessage() + "); looking it up");
                scheduleLookup(request.clientOrderId(), request.symbol(), 1);
            }
            default -> {
                engine.orders.reject(request.clientOrderId(), engine.clock.now(), failure.getMessage()).ifPresent(engine::orderChanged);
                engine.reportError("place", classified.category(), classified.action(), "order " + request.clientOrderId() + " rejected: " + failure.getMessage());
            }
        }
    }

    /** Settles an order whose outcome is unknown by asking the venue, a few times, before calling it lost. */
    void scheduleLookup(String clientOrderId, String symbol, int attempt) {
        deadlines.after(LOOKUP_DELAY.multipliedBy(attempt), () ->
                engine.calls.call(() -> engine.venue.lookup(symbol, clientOrderId), (found, failure) -> {
                    Order mine = engine.orders.get(clientOrderId).orElse(null);
                    if (mine == null || mine.status().isTerminal()) return;
                    if (failure == null && found.isPresent()) {
                        engine.onOrderUpdate(OrderUpdate.of(found.get(), engine.clock.now()));
                        if (found.get().filledQuantity().signum() > 0) fetchFills(symbol, mine.createdAt());
                    } else if (failure == null && attempt >= MAX_LOOKUPS) {
                        engine.orders.reject(clientOrderId, engine.clock.now(), "the venue has no order " + clientOrderId + " after "
                                + attempt + " lookups: it never arrived").ifPresent(engine::orderChanged);
                    } else {
                        scheduleLookup(clientOrderId, symbol, attempt + 1);
                    }
                }));
    }

    /** Fetches the venue's fills since {@code since} and applies those not applied yet. */
    void fetchFills(String symbol, Instant since) {
        engine.calls.call(() -> engine.venue.fills(symbol, since), (fills, failure) -> {
            if (failure != null) {
                engine.reportError("fills", ErrorClassifier.classify(failure).category(), RecoveryAction.RETRY, "could not fetch fills: " + failure.getMessage());
                return;
            }
            for (Fill f : fills) if (engine.orders.get(f.clientOrderId()).isPresent()) engine.applyFill(f);
        });
    }

    void cancel(String clientOrderId) {
        Order order = engine.orders.get(clientOrderId).orElse(null);
        if (order == null || order.status().isTerminal()) return;
        engine.calls.call(() -> {
            engine.venue.cancel(order.symbol(), clientOrderId);
            return Boolean.TRUE;
        }, (ok, failure) -> {
            if (failure instanceof TradeKitException t && t.category() == ErrorCategory.ORDER_NOT_FOUND) {
                // Already gone at the venue: find out how it ended instead of guessing.
                scheduleLookup(clientOrderId, order.symbol(), MAX_LOOKUPS);
            } else if (failure != null) {
                engine.reportError("cancel", ErrorClassifier.classify(failure).category(), RecoveryAction.RETRY, "cancel of " + clientOrderId + " failed: " + failure.getMessage());
            }
        });
    }

    void cancelAll() {
        for (Order o : engine.orders.openOrders()) cancel(o.clientOrderId());
    }
}
