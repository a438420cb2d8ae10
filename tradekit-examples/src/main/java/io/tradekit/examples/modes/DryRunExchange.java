package io.tradekit.examples.modes;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import io.tradekit.api.spi.ExchangeAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The venue of a dry run: a real adapter that is never asked to trade. Market data (streams and history),
 * the instrument, the server time and the account's balances come from the real venue, so the bot warms
 * up, sizes and decides exactly as it would live. Orders stay here:
 * <ul>
 *   <li>{@link #place} logs the order, records it as a {@link WouldBeOrder} and answers with a local
 *       acknowledgement (status NEW, nothing filled), so the bot carries on as if the order rested at the
 *       venue. Nothing is sent.</li>
 *   <li>{@link #cancel} and {@link #cancelAll} cancel those local orders (the bot hears it as an order
 *       update); a cancel of anything else (an order of the real account) is logged and not sent.</li>
 *   <li>{@link #setLeverage} is logged and not sent.</li>
 *   <li>{@link #lookup}, {@link #openOrders} and {@link #fills} answer from the local orders only, and the
 *       venue's account events are not passed on: whatever else trades on the account is not this bot's,
 *       even when its client order ids look alike.</li>
 * </ul>
 * Local orders never fill, so a dry run shows what the bot would send given the market, not what would
 * follow from it; they live as long as the process (a restarted dry run finds them gone at the "venue").
 */
public final class DryRunExchange implements ExchangeAdapter {

    private static final Logger log = LoggerFactory.getLogger(DryRunExchange.class);

    private final ExchangeAdapter venue;
    private final Clock clock;
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final List<WouldBeOrder> wouldBe = new CopyOnWriteArrayList<>();
    private final List<Consumer<WouldBeOrder>> listeners = new CopyOnWriteArrayList<>();
    private volatile EventSink sink = event -> { };
    private long sequence;

    /**
     * Wraps {@code venue} with would-be orders stamped by the system clock.
     *
     * @param venue the real venue, for market data and account reads; never sent an order
     */
    public DryRunExchange(ExchangeAdapter venue) {
        this(venue, Clock.systemUTC());
    }

    /**
     * Wraps {@code venue} with would-be orders stamped by {@code clock}.
     *
     * @param venue the real venue, for market data and account reads; never sent an order
     * @param clock stamps the would-be orders and their local answers
     * @throws NullPointerException when an argument is null
     */
    public DryRunExchange(ExchangeAdapter venue, Clock clock) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Called with each would-be order, on the thread that placed it; keep it short.
     *
     * @param listener told of each order the bot would have sent
     */
    public void onWouldBeOrder(Consumer<WouldBeOrder> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Every order the bot would have sent, in order.
     *
     * @return a copy
     */
    public List<WouldBeOrder> wouldBeOrders() {
        return List.copyOf(wouldBe);
    }

    @Override
    public String venue() {
        return venue.venue();
    }

    @Override
    public Set<Capability> capabilities() {
        // the optional order calls would reach the real venue: a dry run has none of them
        Set<Capability> local = java.util.EnumSet.noneOf(Capability.class);
        local.addAll(venue.capabilities());
        local.removeAll(Set.of(Capability.AMEND_QUANTITY, Capability.MARKET_BY_QUOTE, Capability.CANCEL_REPLACE));
        return local;
    }

    @Override
    public void connect(EventSink target) {
        this.sink = target;
        venue.connect(event -> {
            if (!(event instanceof Event.OrderUpdated) && !(event instanceof Event.FillReceived)) target.post(event);
        });
    }

    @Override
    public Instrument instrument(String symbol) {
        return venue.instrument(symbol);
    }

    @Override
    public Instant serverTime() {
        return venue.serverTime();
    }

    @Override
    public List<Bar> history(String symbol, Timeframe timeframe, Instant from, Instant to) {
        return venue.history(symbol, timeframe, from, to);
    }

    @Override
    public void subscribeBars(String symbol, Timeframe timeframe) {
        venue.subscribeBars(symbol, timeframe);
    }

    @Override
    public void subscribeTicker(String symbol) {
        venue.subscribeTicker(symbol);
    }

    /** Market data, so it comes from the real venue: a dry run reads the same book a live bot would. */
    @Override
    public void subscribeOrderBook(String symbol) {
        venue.subscribeOrderBook(symbol);
    }

    @Override
    public OrderAck place(OrderRequest request) {
        Instant now = clock.instant();
        WouldBeOrder order = new WouldBeOrder(now, request);
        String venueOrderId;
        synchronized (orders) {
            if (orders.containsKey(request.clientOrderId())) {
                throw new ExchangeException(venue(), ErrorCategory.INVALID_ORDER, "", "dry run: client order id " + request.clientOrderId()
                        + " was already used in this run");
            }
            venueOrderId = "dry-run-" + (++sequence);
            orders.put(request.clientOrderId(), Order.pendingNew(request, "dry-run", now).withVenueOrderId(venueOrderId)
                    .withStatus(OrderStatus.NEW, now, Optional.empty()));
        }
        wouldBe.add(order);
        log.info("dry run: would send {}; nothing sent to {}", order.describe(), venue());
        for (Consumer<WouldBeOrder> l : listeners) l.accept(order);
        return new OrderAck(request.clientOrderId(), venueOrderId, OrderStatus.NEW, BigDecimal.ZERO, now, List.of());
    }

    @Override
    public void cancel(String symbol, String clientOrderId) {
        Order cancelled;
        synchronized (orders) {
            Order order = orders.get(clientOrderId);
            if (order == null || !order.symbol().equals(symbol) || order.status().isTerminal()) {
                cancelled = null;
            } else {
                cancelled = order.withStatus(OrderStatus.CANCELED, clock.instant(), Optional.of("cancelled in a dry run"));
                orders.put(clientOrderId, cancelled);
            }
        }
        if (cancelled == null) {
            log.info("dry run: would cancel {} {}; nothing sent to {}", symbol, clientOrderId, venue());
            return;
        }
        log.info("dry run: would cancel {} {} (a would-be order); nothing sent to {}", symbol, clientOrderId, venue());
        sink.post(new Event.OrderUpdated(OrderUpdate.of(cancelled, cancelled.updatedAt())));
    }

    @Override
    public int cancelAll(String symbol) {
        List<String> open = new ArrayList<>();
        synchronized (orders) {
            for (Order o : orders.values()) if (o.symbol().equals(symbol) && o.status().isOpen()) open.add(o.clientOrderId());
        }
        for (String id : open) cancel(symbol, id);
        return open.size();
    }

    @Override
    public Optional<Order> lookup(String symbol, String clientOrderId) {
        synchronized (orders) {
            return Optional.ofNullable(orders.get(clientOrderId)).filter(o -> o.symbol().equals(symbol));
        }
    }

    @Override
    public List<Order> openOrders(String symbol) {
        synchronized (orders) {
            return orders.values().stream().filter(o -> o.symbol().equals(symbol) && o.status().isOpen()).toList();
        }
    }

    /** None: a would-be order never fills. */
    @Override
    public List<Fill> fills(String symbol, Instant since) {
        return List.of();
    }

    @Override
    public List<Balance> balances() {
        return venue.balances();
    }

    /** The real account's position, as the balances are: the bot starts from what the venue holds. */
    @Override
    public Optional<io.tradekit.api.Position> position(String symbol) {
        return venue.position(symbol);
    }

    /**
     * Logs the leverage a live bot would set and sends nothing: a dry run changes nothing at the venue. A
     * symbol that is not a derivative is refused as the venue would refuse it.
     */
    @Override
    public void setLeverage(String symbol, BigDecimal leverage) {
        if (!venue.instrument(symbol).isDerivative()) {
            throw new ExchangeException(venue(), ErrorCategory.INVALID_ORDER, "NO_DERIVATIVES",
                    venue() + ": " + symbol + " is not a derivative; it has no leverage to set");
        }
        log.info("dry run: would set the leverage of {} to {}; nothing sent to {}", symbol, leverage.toPlainString(), venue());
    }

    @Override
    public void close() {
        venue.close();
    }
}
