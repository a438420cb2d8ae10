package io.tradekit.core.engine;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.EventSink;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.core.paper.PaperExchange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A real paper venue that a test can make misbehave by overriding one call. */
public class ForwardingVenue implements ExchangeAdapter {
    final PaperExchange inner;

    protected ForwardingVenue(PaperExchange inner) {
        this.inner = inner;
    }

    public PaperExchange paper() {
        return inner;
    }

    @Override public String venue() { return inner.venue(); }
    @Override public Set<Capability> capabilities() { return inner.capabilities(); }
    @Override public void connect(EventSink sink) { inner.connect(sink); }
    @Override public Instrument instrument(String symbol) { return inner.instrument(symbol); }
    @Override public Instant serverTime() { return inner.serverTime(); }
    @Override public List<Bar> history(String s, Timeframe t, Instant f, Instant to) { return inner.history(s, t, f, to); }
    @Override public void subscribeBars(String s, Timeframe t) { inner.subscribeBars(s, t); }
    @Override public void subscribeTicker(String s) { inner.subscribeTicker(s); }
    @Override public OrderAck place(OrderRequest request) { return inner.place(request); }
    @Override public void cancel(String s, String id) { inner.cancel(s, id); }
    @Override public int cancelAll(String s) { return inner.cancelAll(s); }
    @Override public Optional<Order> lookup(String s, String id) { return inner.lookup(s, id); }
    @Override public List<Order> openOrders(String s) { return inner.openOrders(s); }
    @Override public List<Fill> fills(String s, Instant since) { return inner.fills(s, since); }
    @Override public List<Balance> balances() { return inner.balances(); }
    @Override public void close() { inner.close(); }
}
