package io.tradekit.api.spi;

import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.api.store.EquitySnapshot;

import java.util.List;
import java.util.Optional;

/**
 * A bot's durable journal: orders written ahead, fills applied once, audit events, equity and
 * snapshots. Called from the bot's loop thread; an implementation may write on a thread of its own
 * but {@link #writeAhead} must be durable when it returns, because the order leaves right after.
 */
public interface StateStore extends AutoCloseable {

    /** Makes the new order durable before it is sent. */
    void writeAhead(Order order);

    /** Records an order's new status or fill state. */
    void updateOrder(Order order);

    /**
     * Records a fill; false if the same trade of the same order (symbol, client order id, fill id) was recorded
     * before, and it must then not be applied again. A fill id alone is not enough: a venue that restarts numbers
     * its trades afresh.
     */
    boolean recordFill(Fill fill);

    void recordEvent(AuditEvent event);

    void recordEquity(EquitySnapshot snapshot);

    void saveSnapshot(BotSnapshot snapshot);

    Optional<BotSnapshot> latestSnapshot();

    /** Every order this bot ever wrote, oldest first. */
    List<Order> orders();

    Optional<Order> order(String clientOrderId);

    /** Every fill, in the order recorded. */
    List<Fill> fills();

    /** The most recent audit events, oldest first. */
    List<AuditEvent> events(int limit);

    /** Blocks until everything recorded so far is durable. */
    void flush();

    @Override
    void close();
}
