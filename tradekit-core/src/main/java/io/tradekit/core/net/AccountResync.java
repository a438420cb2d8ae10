package io.tradekit.core.net;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.event.Event;
import io.tradekit.api.spi.ExchangeAdapter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The account's state over REST after a private stream reconnected, for every symbol the adapter trades:
 * fills since {@code since}, then every open order, then the final state of orders that were open before
 * and are not any more. Fills come first so that an order's last update never overtakes its fills. A
 * symbol whose resync fails becomes an error event; the others still resync.
 */
public final class AccountResync {

    private AccountResync() {
    }

    /**
     * Fetches the account's state for every symbol {@code orders} has seen. Blocking REST calls: run it off the bot's
     * loop, then post the events in the order returned.
     *
     * @param venue the adapter whose REST calls are made
     * @param orders the orders the adapter has sent, which name the symbols and the orders that may be open
     * @param source the error events' source
     * @param since the time fills are fetched from: when the stream went down, or earlier
     * @param now the time given to the order updates and error events
     * @return the fills of every symbol, then the order updates and error events; never null
     */
    public static List<Event> since(ExchangeAdapter venue, OrderTracker orders, String source, Instant since, Instant now) {
        List<Event> fills = new ArrayList<>();
        List<Event> updates = new ArrayList<>();
        for (String symbol : orders.symbols()) {
            try {
                venue.fills(symbol, since).forEach(f -> fills.add(new Event.FillReceived(f)));
                Set<String> open = new HashSet<>();
                for (Order order : venue.openOrders(symbol)) {
                    open.add(order.clientOrderId());
                    updates.add(new Event.OrderUpdated(OrderUpdate.of(order, now)));
                }
                for (String clientOrderId : orders.possiblyOpen(symbol)) {
                    if (!open.contains(clientOrderId)) {
                        venue.lookup(symbol, clientOrderId).ifPresent(o -> updates.add(new Event.OrderUpdated(OrderUpdate.of(o, now))));
                    }
                }
            } catch (RuntimeException e) {
                updates.add(new Event.ErrorRaised(source, e instanceof ExchangeException x ? x.category() : ErrorCategory.INTERNAL,
                        "resync of " + symbol + " after reconnect failed: " + e.getMessage(), "", now));
            }
        }
        fills.addAll(updates);
        return fills;
    }
}
