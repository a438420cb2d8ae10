package io.tradekit.core.safety;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.Ticker;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real paper venue that a test can make misbehave by overriding one call. It remembers every order
 * request it was asked to place and keeps the bot's sink, so a test can post venue events (a dropped
 * stream, an error) as an adapter would.
 */
public class WrappedPaperVenue implements ExchangeAdapter {

    protected final PaperExchange paper;
    protected volatile EventSink sink = event -> { };
    /** While set, the paper book's own order updates and fills do not reach the bot: its user stream is down. */
    protected volatile boolean muted;
    public final List<OrderRequest> requests = new CopyOnWriteArrayList<>();
    public final List<String> lookups = new CopyOnWriteArrayList<>();

    public WrappedPaperVenue(PaperSettings settings) {
        this.paper = new PaperExchange(settings);
    }

    public PaperExchange paper() {
        return paper;
    }

    /** Posts an event to the bot as the venue's stream would. */
    public void post(Event event) {
        sink.post(event);
    }

    /** The paper book sees the bar first, then the bot handles it (what {@code ReplayDriver.feed} does for a bare paper venue). */
    public void feed(TradingBot bot, Bar bar) {
        paper.onBar(bar);
        ReplayDriver.of(bot).feed(bar);
    }

    /** A quote only the paper book sees: it moves where a taker would trade without the bot knowing. */
    public void quote(Ticker ticker) {
        paper.onTicker(ticker);
    }

    /** What is placed at the paper book; a test overrides {@link #place} around it. */
    protected OrderAck placeAtPaper(OrderRequest request) {
        return paper.place(request);
    }

    @Override public String venue() { return paper.venue(); }
    @Override public Set<Capability> capabilities() { return paper.capabilities(); }

    @Override
    public void connect(EventSink target) {
        this.sink = target;
        paper.connect(event -> {
            if (!muted) target.post(event);
        });
    }

    @Override public Instrument instrument(String symbol) { return paper.instrument(symbol); }
    @Override public Instant serverTime() { return paper.serverTime(); }
    @Override public List<Bar> history(String s, Timeframe t, Instant f, Instant to) { return paper.history(s, t, f, to); }
    @Override public void subscribeBars(String s, Timeframe t) { paper.subscribeBars(s, t); }
    @Override public void subscribeTicker(String s) { paper.subscribeTicker(s); }

    @Override
    public OrderAck place(OrderRequest request) {
        requests.add(request);
        return placeAtPaper(request);
    }

    @Override public void cancel(String s, String id) { paper.cancel(s, id); }
    @Override public int cancelAll(String s) { return paper.cancelAll(s); }

    @Override
    public Optional<Order> lookup(String s, String id) {
        lookups.add(id);
        return paper.lookup(s, id);
    }

    @Override public List<Order> openOrders(String s) { return paper.openOrders(s); }
    @Override public List<Fill> fills(String s, Instant since) { return paper.fills(s, since); }
    @Override public List<Balance> balances() { return paper.balances(); }
    @Override public void close() { paper.close(); }
}
