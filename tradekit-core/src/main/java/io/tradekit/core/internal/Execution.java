package io.tradekit.core.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.Submission;
import io.tradekit.core.errors.ClassifiedError;
import io.tradekit.core.errors.ErrorClassifier;
import io.tradekit.core.sizing.OrderRounding;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
    /** The ack deadline of each order sent and not yet answered, cancelled by its answer. */
    private final Map<String, NetworkDeadlines.Deadline> awaitingAnswer = new HashMap<>();
    /** Orders with an amend sent and not yet answered. */
    private final Set<String> amending = new HashSet<>();

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
        // Off to the venue first (inside a commit scope, once that commit is durable): the audit line and the listeners do
        // not hold the order up (its answer is handled on this loop after this task, so they still come first).
        engine.afterCommit(() -> engine.calls.callWithoutBlocking(() -> engine.venue.placeWithoutBlocking(request),
                () -> engine.venue.place(request), (ack, failure) -> onPlaced(request, ack, failure)));
        if (engine.auditsTrades()) TradeAudit.order(engine, order);
        if (engine.hasListeners()) engine.publish(new BotEvent.OrderSubmitted(now, order));
        // A request whose answer never comes is not forgotten: after the timeout (wall time) it is looked up.
        if (deadlines.onWallClock()) {
            awaitingAnswer.put(request.clientOrderId(), deadlines.after(ackTimeout, () -> noAnswerInTime(request.clientOrderId())));
        }
        return Submission.sent(order);
    }

    /** The ack timeout of an order passed: one still waiting for its answer is looked up. */
    private void noAnswerInTime(String clientOrderId) {
        awaitingAnswer.remove(clientOrderId);
        engine.orders.get(clientOrderId)
                .filter(o -> o.status() == OrderStatus.PENDING_NEW)
                .ifPresent(o -> {
                    engine.orders.markUnknown(o.clientOrderId(), engine.clock.now(), "no answer from the venue within " + ackTimeout)
                            .ifPresent(engine::orderChanged);
                    engine.reportError("place", ErrorCategory.TIMEOUT, RecoveryAction.RESYNC_STATE,
                            "order " + o.clientOrderId() + ": no answer within " + ackTimeout + "; looking it up");
                    scheduleLookup(o.clientOrderId(), o.symbol(), 1);
                });
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
        NetworkDeadlines.Deadline answered = awaitingAnswer.remove(request.clientOrderId());
        if (answered != null) answered.cancel();
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
                        engine.orders.onLookup(found.get(), engine.clock.now()).ifPresent(engine::orderChanged);
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

    /**
     * Lowers an open order's quantity at the venue, keeping its queue place. Refused here, with nothing
     * sent, when the venue cannot amend, the order is not acknowledged and open, another amend of it is
     * on its way, or the new quantity (rounded down to the step) is not below the order's quantity and
     * above its filled part. The intent is written ahead (a durable audit line); a confirmed amend lowers
     * the order's quantity; an unknown outcome is settled by looking the order up (its quantity at the
     * venue says whether the amend took effect), never by amending again.
     */
    Submission amend(String clientOrderId, BigDecimal requested) {
        Order order = engine.orders.get(clientOrderId).orElse(null);
        String refusal = amendRefusal(order, clientOrderId, requested);
        BigDecimal newQuantity = refusal == null ? OrderRounding.quantityDown(requested, engine.instrument(order.symbol())) : requested;
        if (refusal == null) refusal = quantityRefusal(order, newQuantity);
        if (refusal != null) {
            TradeAudit.amendRefused(engine, clientOrderId, refusal);
            return Submission.denied("engine", refusal);
        }
        TradeAudit.amend(engine, order, newQuantity);
        engine.store.flush(); // write-ahead: the amend is on record before it leaves
        amending.add(clientOrderId);
        String symbol = order.symbol();
        engine.calls.call(() -> engine.venue.amendQuantity(symbol, clientOrderId, newQuantity), (amended, failure) -> {
            amending.remove(clientOrderId);
            if (failure == null) {
                engine.orders.onAmended(clientOrderId, amended.quantity(), engine.clock.now()).ifPresent(engine::orderChanged);
                return;
            }
            ClassifiedError classified = ErrorClassifier.classifyPlacement(failure);
            if (classified.category() == ErrorCategory.UNKNOWN_OUTCOME) {
                engine.reportError("amend", ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE,
                        "amend of " + clientOrderId + ": outcome unknown (" + failure.getMessage() + "); looking it up");
                scheduleLookup(clientOrderId, symbol, 1);
            } else {
                engine.reportError("amend", classified.category(), classified.action(), "amend of " + clientOrderId + " refused: " + failure.getMessage());
            }
        });
        return Submission.sent(order);
    }

    private String amendRefusal(Order order, String clientOrderId, BigDecimal requested) {
        if (order == null) return "no order " + clientOrderId + " of this bot";
        if (!engine.venue.capabilities().contains(ExchangeAdapter.Capability.AMEND_QUANTITY)) {
            return engine.venue.venue() + " cannot amend an order's quantity";
        }
        if (order.status() != OrderStatus.NEW && order.status() != OrderStatus.PARTIALLY_FILLED) {
            return "order " + clientOrderId + " is " + order.status() + ", not open at the venue";
        }
        if (amending.contains(clientOrderId)) return "an amend of order " + clientOrderId + " is on its way";
        if (requested == null || requested.signum() <= 0) return "amend of order " + clientOrderId + ": new quantity must be positive, got " + requested;
        return null;
    }

    private static String quantityRefusal(Order order, BigDecimal newQuantity) {
        if (newQuantity.compareTo(order.quantity()) >= 0) {
            return "amend of order " + order.clientOrderId() + ": new quantity " + newQuantity.toPlainString() + " is not below its quantity "
                    + order.quantity().toPlainString() + " (only a decrease keeps the queue place)";
        }
        if (newQuantity.compareTo(order.filledQuantity()) <= 0) {
            return "amend of order " + order.clientOrderId() + ": new quantity " + newQuantity.toPlainString() + " is not above the "
                    + order.filledQuantity().toPlainString() + " already filled";
        }
        return null;
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
