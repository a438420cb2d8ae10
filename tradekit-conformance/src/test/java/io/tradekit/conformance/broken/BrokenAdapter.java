package io.tradekit.conformance.broken;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import io.tradekit.api.spi.ExchangeAdapter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An adapter with the mistakes the kit exists to catch, on purpose: it sends a new order again when the
 * first answer was a server error, looks orders up by the wrong key, reports a cancel-all as 0, posts
 * every bar twice and ignores malformed stream messages. Everything else it does plainly.
 */
final class BrokenAdapter implements ExchangeAdapter {

    private final InMemoryVenue venue;

    BrokenAdapter(InMemoryVenue venue) {
        this.venue = venue;
    }

    @Override
    public String venue() {
        return "broken";
    }

    @Override
    public void connect(EventSink sink) {
        venue.subscribers.add(sink);
        sink.post(new Event.ConnectionChanged("broken", "market", ConnectionState.CONNECTED, "connected", Instant.now()));
    }

    @Override
    public Instrument instrument(String symbol) {
        return new Instrument(symbol, "TEST", "USD", new BigDecimal("0.01"), new BigDecimal("0.001"), new BigDecimal("0.001"), BigDecimal.ONE);
    }

    @Override
    public Instant serverTime() {
        return Instant.now();
    }

    @Override
    public List<Bar> history(String symbol, Timeframe timeframe, Instant from, Instant to) {
        synchronized (venue) {
            return venue.closed.stream().filter(b -> !b.openTime().isBefore(from) && !b.closeTime().isAfter(to)).toList();
        }
    }

    @Override
    public void subscribeBars(String symbol, Timeframe timeframe) {
    }

    @Override
    public void subscribeTicker(String symbol) {
    }

    @Override
    public OrderAck place(OrderRequest request) {
        synchronized (venue) {
            venue.newOrderRequests++;
            Order o = venue.accept(request);
            if (venue.failNextAfterAccepting) {
                venue.failNextAfterAccepting = false;
                venue.newOrderRequests++; // the mistake: "it failed, send it again"
            }
            return new OrderAck(o.clientOrderId(), o.venueOrderId().orElseThrow(), o.status(), BigDecimal.ZERO, o.createdAt(), List.of());
        }
    }

    @Override
    public void cancel(String symbol, String clientOrderId) {
        synchronized (venue) {
            Order o = venue.orders.get(clientOrderId);
            if (o != null) venue.orders.put(clientOrderId, o.withStatus(OrderStatus.CANCELED, Instant.now(), Optional.empty()));
        }
    }

    @Override
    public int cancelAll(String symbol) {
        synchronized (venue) {
            venue.orders.replaceAll((id, o) -> o.status().isOpen() ? o.withStatus(OrderStatus.CANCELED, Instant.now(), Optional.empty()) : o);
        }
        return 0; // the mistake: the answer was not counted
    }

    @Override
    public Optional<Order> lookup(String symbol, String clientOrderId) {
        synchronized (venue) {
            return Optional.ofNullable(venue.orders.get(symbol)); // the mistake: looked up by the wrong key
        }
    }

    @Override
    public List<Order> openOrders(String symbol) {
        synchronized (venue) {
            return venue.orders.values().stream().filter(o -> o.status().isOpen()).toList();
        }
    }

    @Override
    public List<Fill> fills(String symbol, Instant since) {
        return List.of();
    }

    @Override
    public List<Balance> balances() {
        return List.of(new Balance("USD", new BigDecimal("1000"), BigDecimal.ZERO));
    }

    /** The venue closed a bar: the mistake is posting it twice. */
    void barClosed(Bar bar) {
        for (EventSink s : venue.subscribers) {
            s.post(new Event.BarClosed(bar));
            s.post(new Event.BarClosed(bar));
        }
    }

    @Override
    public void close() {
    }
}
