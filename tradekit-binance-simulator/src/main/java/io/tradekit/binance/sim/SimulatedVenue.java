package io.tradekit.binance.sim;

import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.Ticker;
import io.tradekit.api.TimeInForce;
import io.tradekit.core.paper.MatchingEngine;
import io.tradekit.core.paper.PaperSettings;

import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The venue behind the simulator's protocols: core's {@link MatchingEngine} holds the book and the
 * account; this adds what Binance shows on top (numeric order and trade ids, wall-clock times, quote
 * quantities), answers each endpoint in Binance's terms, and turns the engine's order changes and fills
 * into {@code executionReport} events. Every method runs under the engine's lock, the one lock of the
 * simulated venue, so answers and events come in the order things happened.
 */
final class SimulatedVenue {

    /** MARKET_LOT_SIZE's maximum: market orders larger than this are refused with -1013. */
    static final BigDecimal MARKET_MAX_QUANTITY = new BigDecimal("1000");

    private static final String CLIENT_ID_RULE = "^[\\.A-Z\\:/a-z0-9_-]{1,36}$";

    private final MatchingEngine engine;
    /** The first market's instrument and bars: the simulator's main symbol. */
    private final Instrument instrument;
    private final List<Bar> bars;
    /** Every market by symbol, the main one first; all close their bars together. */
    private final Map<String, Instrument> instruments = new java.util.LinkedHashMap<>();
    private final Map<String, List<Bar>> barsBySymbol = new java.util.LinkedHashMap<>();
    private final InstantSource clock;
    private final Map<String, SimOrder> meta = new HashMap<>();
    private final Map<String, SimTrade> tradeByFillId = new HashMap<>();
    private final List<SimTrade> trades = new ArrayList<>();
    private final Consumer<String> userEvents;
    private long nextTradeId = 1_000;
    private long nextCancelId = 1;
    private long bookUpdateId = 1;
    private int cursor;
    private String pendingCancelId;
    /** While an amend is applied the engine's order change is reported as REPLACED. */
    private boolean amending;
    private long nextExecutionId = 1;
    private java.util.Set<String> allowedSelfTradePrevention = java.util.Set.of("NONE");
    /** New-order requests that named a client order id, by that id, accepted or not (a duplicate counts too). */
    private final Map<String, Integer> newOrderRequests = new java.util.LinkedHashMap<>();

    /** One market per instrument, each with as many bars as the first (they close together). */
    SimulatedVenue(PaperSettings settings, Map<Instrument, List<Bar>> markets, int initialBars, InstantSource clock, Consumer<String> userEvents) {
        Map.Entry<Instrument, List<Bar>> main = markets.entrySet().iterator().next();
        Instrument instrument = main.getKey();
        List<Bar> bars = main.getValue();
        if (bars.isEmpty()) {
            throw new InvalidInputException("binance simulator: at least one bar is needed");
        }
        if (initialBars < 1 || initialBars > bars.size()) {
            throw new InvalidInputException("binance simulator: initial bars must be within 1.." + bars.size() + ", got " + initialBars);
        }
        this.engine = new MatchingEngine("binance", settings);
        this.instrument = instrument;
        this.bars = List.copyOf(bars);
        markets.forEach((market, marketBars) -> {
            if (marketBars.size() != bars.size()) {
                throw new InvalidInputException("binance simulator: " + market.symbol() + " has " + marketBars.size() + " bars, "
                        + instrument.symbol() + " " + bars.size() + "; every market needs as many");
            }
            instruments.put(market.symbol(), market);
            barsBySymbol.put(market.symbol(), List.copyOf(marketBars));
        });
        this.clock = clock;
        this.userEvents = userEvents;
        engine.setListener(new MatchingEngine.Listener() {
            @Override
            public void onOrder(Order order) {
                orderChanged(order);
            }

            @Override
            public void onFill(Fill fill) {
                filled(fill);
            }
        });
        synchronized (engine) {
            for (List<Bar> marketBars : barsBySymbol.values()) {
                for (int i = 0; i < initialBars; i++) {
                    engine.onBar(marketBars.get(i));
                }
                engine.onTicker(quote(marketBars.get(initialBars - 1)));
            }
            cursor = initialBars;
        }
    }

    Object lock() {
        return engine;
    }

    Instrument instrument() {
        return instrument;
    }

    String symbol() {
        return instrument.symbol();
    }

    /** Every market's instrument, the main one first. */
    List<Instrument> instruments() {
        return List.copyOf(instruments.values());
    }

    /** The STP modes the symbol allows (exchangeInfo's {@code allowedSelfTradePreventionModes}). */
    java.util.Set<String> allowedSelfTradePrevention() {
        synchronized (engine) {
            return allowedSelfTradePrevention;
        }
    }

    void allowSelfTradePrevention(java.util.Set<String> modes) {
        synchronized (engine) {
            allowedSelfTradePrevention = java.util.Set.copyOf(modes);
        }
    }

    /** The main symbol's bars streamed so far. */
    List<Bar> closedBars() {
        return closedBars(symbol());
    }

    /** A symbol's bars streamed so far (the ones a klines request may return). */
    List<Bar> closedBars(String symbol) {
        synchronized (engine) {
            return barsBySymbol.get(symbol).subList(0, cursor);
        }
    }

    /** How many trades the venue has made for the account. */
    int tradeCount() {
        synchronized (engine) {
            return trades.size();
        }
    }

    /** How many new-order requests named each client order id, in the order the ids first arrived. */
    Map<String, Integer> newOrderRequests() {
        synchronized (engine) {
            return new java.util.LinkedHashMap<>(newOrderRequests);
        }
    }

    boolean hasNextBar() {
        synchronized (engine) {
            return cursor < bars.size();
        }
    }

    /**
     * The step the markets take: in each, the next bar closes (resting orders it crosses fill), then a quote
     * at its close. Returns the bars that closed, the main symbol's first; empty when the data is used up.
     */
    List<Bar> advance() {
        synchronized (engine) {
            if (cursor >= bars.size()) return List.of();
            List<Bar> closed = new ArrayList<>();
            for (List<Bar> marketBars : barsBySymbol.values()) {
                Bar bar = marketBars.get(cursor);
                engine.onBar(bar);
                engine.onTicker(quote(bar));
                closed.add(bar);
            }
            cursor++;
            return closed;
        }
    }

    /** The simulated touch after a bar: bid at the close, ask one tick above. */
    Ticker quote(Bar bar) {
        return new Ticker(bar.symbol(), bar.closeTime(), bar.close(), bar.close().add(instruments.get(bar.symbol()).tickSize()), bar.close());
    }

    /** A symbol's touch after its last closed bar, as {@link #quote} gives it: where the depth book's synthetic levels start. */
    Ticker touch(String symbol) {
        synchronized (engine) {
            return quote(barsBySymbol.get(symbol).get(cursor - 1));
        }
    }

    /** A symbol's resting limit orders, as the depth book shows them. */
    List<Order> restingOrders(String symbol) {
        synchronized (engine) {
            return engine.openOrders(symbol).stream().filter(o -> o.limitPrice().isPresent()).toList();
        }
    }

    String bookTickerFor(Bar bar) {
        synchronized (engine) {
            Ticker t = quote(bar);
            return Payloads.bookTicker(bookUpdateId++, t.symbol(), t.bid(), t.ask());
        }
    }

    // ---- endpoints -------------------------------------------------------------------------------

    /** The order a new-order (or test-order) request asks for, checked as Binance checks parameters. */
    private OrderRequest orderOf(Map<String, String> p) {
        String symbol = symbolOf(p);
        Side side = switch (required(p, "side")) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw VenueError.badRequest(-1117, "Invalid side.");
        };
        OrderType type = switch (required(p, "type")) {
            case "LIMIT" -> OrderType.LIMIT;
            case "MARKET" -> OrderType.MARKET;
            case "LIMIT_MAKER" -> OrderType.LIMIT_MAKER;
            default -> throw VenueError.badRequest(-1116, "Invalid orderType.");
        };
        TimeInForce tif = TimeInForce.GTC;
        if (type == OrderType.LIMIT) {
            tif = switch (required(p, "timeInForce")) {
                case "GTC" -> TimeInForce.GTC;
                case "IOC" -> TimeInForce.IOC;
                case "FOK" -> TimeInForce.FOK;
                default -> throw VenueError.badRequest(-1115, "Invalid timeInForce.");
            };
        } else if (p.containsKey("timeInForce")) {
            throw VenueError.badRequest(-1106, "Parameter 'timeInForce' sent when not required.");
        }
        String stp = p.get("selfTradePreventionMode");
        if (stp != null && !List.of("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER").contains(stp)) {
            throw VenueError.badRequest(-1100, "Illegal characters found in parameter 'selfTradePreventionMode'.");
        }
        if (stp != null && !allowedSelfTradePrevention.contains(stp)) {
            throw VenueError.badRequest(-1013, VenueMessages.STP_MODE_NOT_ALLOWED);
        }
        BigDecimal quantity = type == OrderType.MARKET ? marketQuantity(p, instruments.get(symbol), side) : decimal(p, "quantity", true);
        Optional<BigDecimal> price = Optional.ofNullable(decimal(p, "price", type != OrderType.MARKET));
        if (type == OrderType.MARKET && price.isPresent()) {
            throw VenueError.badRequest(-1106, "Parameter 'price' sent when not required.");
        }
        String clientOrderId = p.getOrDefault("newClientOrderId", "");
        if (clientOrderId.isEmpty()) {
            clientOrderId = "sim" + Long.toString(clock.millis(), 36) + nextCancelId++;
        } else if (!clientOrderId.matches(CLIENT_ID_RULE)) {
            throw VenueError.badRequest(-1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '" + CLIENT_ID_RULE + "'.");
        }
        try {
            return new OrderRequest(clientOrderId, symbol, side, type, quantity, price, tif, false);
        } catch (InvalidInputException e) {
            throw VenueError.badRequest(-1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '" + CLIENT_ID_RULE + "'.");
        }
    }

    /**
     * A MARKET order's base quantity: {@code quantity}, or for {@code quoteOrderQty} as much as the quote
     * amount buys at the ask (or takes to receive at the bid), rounded down to the step size.
     */
    private BigDecimal marketQuantity(Map<String, String> p, Instrument instrument, Side side) {
        BigDecimal quantity = decimal(p, "quantity", false);
        BigDecimal quote = decimal(p, "quoteOrderQty", false);
        if (quantity == null && quote == null) {
            throw VenueError.badRequest(-1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
        }
        if (quantity != null && quote != null) {
            throw VenueError.badRequest(-1106, "Parameter 'quoteOrderQty' sent when not required.");
        }
        if (quantity != null) return quantity;
        synchronized (engine) {
            BigDecimal last = engine.lastPrice(instrument.symbol()).orElseThrow(
                    () -> VenueError.badRequest(-2010, "Order book liquidity is less than symbol minimum quantity."));
            BigDecimal price = side == Side.BUY ? last.add(instrument.tickSize()) : last;
            BigDecimal base = quote.divide(price, 20, java.math.RoundingMode.DOWN);
            BigDecimal steps = base.divide(instrument.stepSize(), 0, java.math.RoundingMode.DOWN);
            BigDecimal rounded = steps.multiply(instrument.stepSize());
            if (rounded.signum() == 0) {
                throw VenueError.badRequest(-1013, VenueMessages.filterFailure("LOT_SIZE"));
            }
            return rounded;
        }
    }

    /**
     * {@code POST /api/v3/order/cancelReplace} with {@code cancelReplaceMode=STOP_ON_FAILURE}: the cancel
     * first; when it fails nothing is placed (400, -2022); when the new order then fails the cancel stands
     * (409, -2021). Both succeed: 200.
     */
    VenueError.Answer cancelReplace(Map<String, String> p) {
        String mode = required(p, "cancelReplaceMode");
        if (!mode.equals("STOP_ON_FAILURE")) {
            throw VenueError.badRequest(-1100, "Illegal characters found in parameter 'cancelReplaceMode'; this simulator serves 'STOP_ON_FAILURE'.");
        }
        Map<String, String> cancel = new java.util.HashMap<>();
        cancel.put("symbol", symbolOf(p));
        if (p.containsKey("cancelOrigClientOrderId")) cancel.put("origClientOrderId", p.get("cancelOrigClientOrderId"));
        if (p.containsKey("cancelOrderId")) cancel.put("orderId", p.get("cancelOrderId"));
        if (p.containsKey("cancelNewClientOrderId")) cancel.put("newClientOrderId", p.get("cancelNewClientOrderId"));
        Map<String, String> replacement = new java.util.HashMap<>(p);
        synchronized (engine) {
            String canceled;
            try {
                canceled = cancelOrder(cancel);
            } catch (VenueError e) {
                return new VenueError.Answer(400, "{\"code\":-2022,\"msg\":\"Order cancel-replace failed.\",\"data\":{\"cancelResult\":\"FAILURE\","
                        + "\"newOrderResult\":\"NOT_ATTEMPTED\",\"cancelResponse\":" + e.json() + ",\"newOrderResponse\":null}}");
            }
            try {
                String placed = newOrder(replacement);
                return new VenueError.Answer(200, "{\"cancelResult\":\"SUCCESS\",\"newOrderResult\":\"SUCCESS\",\"cancelResponse\":" + canceled
                        + ",\"newOrderResponse\":" + placed + "}");
            } catch (VenueError e) {
                return new VenueError.Answer(409, "{\"code\":-2021,\"msg\":\"Order cancel-replace partially failed.\",\"data\":{\"cancelResult\":\"SUCCESS\","
                        + "\"newOrderResult\":\"FAILURE\",\"cancelResponse\":" + canceled + ",\"newOrderResponse\":" + e.json() + "}}");
            }
        }
    }

    String newOrder(Map<String, String> p) {
        String named = p.get("newClientOrderId");
        if (named != null && !named.isEmpty()) {
            synchronized (engine) {
                newOrderRequests.merge(named, 1, Integer::sum);
            }
        }
        OrderRequest request = orderOf(p);
        if (request.type() == OrderType.MARKET && !p.containsKey("quoteOrderQty") && request.quantity().compareTo(MARKET_MAX_QUANTITY) > 0) {
            throw VenueError.badRequest(-1013, VenueMessages.filterFailure("MARKET_LOT_SIZE"));
        }
        String responseType = p.getOrDefault("newOrderRespType", "FULL");
        if (!List.of("ACK", "RESULT", "FULL").contains(responseType)) {
            throw VenueError.badRequest(-1100, "Illegal characters found in parameter 'newOrderRespType'; legal range is 'ACK, RESULT, FULL'.");
        }
        synchronized (engine) {
            OrderAck ack;
            try {
                ack = engine.submit(request);
            } catch (OrderRejectedException e) {
                throw rejection(e);
            }
            Order order = engine.order(ack.clientOrderId()).orElseThrow();
            List<SimTrade> fills = ack.fills().stream().map(f -> tradeByFillId.get(f.fillId())).toList();
            return Payloads.newOrder(order, meta.get(order.clientOrderId()), responseType, fills);
        }
    }

    /**
     * {@code POST /api/v3/order/test}: the order is checked (parameters, then the symbol's filters at its
     * price or, for a market order, at the last price) and nothing is placed; the answer is {@code {}}.
     */
    String testOrder(Map<String, String> p) {
        OrderRequest request = orderOf(p);
        synchronized (engine) {
            BigDecimal reference = request.limitPrice().or(() -> engine.lastPrice(request.symbol())).orElse(BigDecimal.ONE);
            try {
                instruments.get(request.symbol()).check(request.quantity(), reference, request.limitPrice().isPresent());
            } catch (OrderRejectedException e) {
                throw rejection(e);
            }
        }
        return "{}";
    }

    /**
     * {@code PUT /api/v3/order/amend/keepPriority} (and {@code order.amend.keepPriority}): lowers an open order's
     * quantity in place; it keeps its order id and its place in the queue. Checked as Binance documents it:
     * {@code newQty} is mandatory and must be below the order's quantity (-2038 for the same quantity or more),
     * an {@code orderId} with an {@code origClientOrderId} of another order is -2039, an order not open is -2013;
     * a quantity not above what has filled is refused with -2038 and the order stays as it was. This simulator
     * keeps client order ids: {@code newClientOrderId} must be the order's own (Binance would otherwise rename it).
     */
    String amendKeepPriority(Map<String, String> p) {
        String symbol = symbolOf(p);
        BigDecimal newQty = decimal(p, "newQty", true);
        if (newQty.signum() <= 0) {
            throw VenueError.badRequest(-1100, "Illegal characters found in parameter 'newQty'; it must be greater than 0.");
        }
        synchronized (engine) {
            Order order = find(p, symbol).filter(o -> o.status().isOpen())
                    .orElseThrow(() -> VenueError.badRequest(-2013, VenueMessages.NO_SUCH_ORDER));
            if (p.containsKey("orderId") && p.containsKey("origClientOrderId") && !p.get("origClientOrderId").equals(order.clientOrderId())) {
                throw VenueError.badRequest(-2039, VenueMessages.CLIENT_ORDER_ID_INVALID);
            }
            String newClientOrderId = p.getOrDefault("newClientOrderId", "");
            if (!newClientOrderId.equals(order.clientOrderId())) {
                throw VenueError.badRequest(-1020, "This operation is not supported: this simulator keeps an amended order's client order id, "
                        + "send it as newClientOrderId.");
            }
            int change = newQty.compareTo(order.quantity());
            if (change == 0) throw VenueError.badRequest(-2038, VenueMessages.AMEND_NO_CHANGE);
            if (change > 0) throw VenueError.badRequest(-2038, VenueMessages.AMEND_INCREASE);
            if (newQty.compareTo(order.filledQuantity()) <= 0) throw VenueError.badRequest(-2038, VenueMessages.AMEND_NOT_ABOVE_EXECUTED);
            Order amended;
            amending = true;
            try {
                amended = engine.reduceRestingQuantity(symbol, order.clientOrderId(), newQty);
            } catch (OrderRejectedException e) {
                throw rejection(e);
            } finally {
                amending = false;
            }
            return Payloads.amended(amended, meta.get(amended.clientOrderId()), order.clientOrderId(), clock.millis(), nextExecutionId++);
        }
    }

    String queryOrder(Map<String, String> p) {
        String symbol = symbolOf(p);
        synchronized (engine) {
            Order order = find(p, symbol).orElseThrow(() -> VenueError.badRequest(-2013, VenueMessages.NO_SUCH_ORDER));
            return Payloads.order(order, meta.get(order.clientOrderId()));
        }
    }

    String cancelOrder(Map<String, String> p) {
        String symbol = symbolOf(p);
        synchronized (engine) {
            Order order = find(p, symbol).filter(o -> o.status().isOpen())
                    .orElseThrow(() -> VenueError.badRequest(-2011, VenueMessages.UNKNOWN_ORDER));
            String cancelId = p.getOrDefault("newClientOrderId", "cancel" + nextCancelId++);
            pendingCancelId = cancelId;
            try {
                Order canceled = engine.cancel(symbol, order.clientOrderId());
                return Payloads.canceled(canceled, meta.get(canceled.clientOrderId()), cancelId);
            } catch (ExchangeException e) {
                throw VenueError.badRequest(-2011, VenueMessages.UNKNOWN_ORDER);
            } finally {
                pendingCancelId = null;
            }
        }
    }

    String cancelOpenOrders(Map<String, String> p) {
        String symbol = symbolOf(p);
        synchronized (engine) {
            List<Order> open = engine.openOrders(symbol);
            if (open.isEmpty()) {
                throw VenueError.badRequest(-2011, VenueMessages.UNKNOWN_ORDER);
            }
            StringBuilder out = new StringBuilder("[");
            for (Order o : open) {
                String cancelId = "cancel" + nextCancelId++;
                pendingCancelId = cancelId;
                try {
                    Order canceled = engine.cancel(symbol, o.clientOrderId());
                    if (out.length() > 1) out.append(',');
                    out.append(Payloads.canceled(canceled, meta.get(canceled.clientOrderId()), cancelId));
                } finally {
                    pendingCancelId = null;
                }
            }
            return out.append(']').toString();
        }
    }

    String openOrders(Map<String, String> p) {
        synchronized (engine) {
            List<Order> open = new ArrayList<>();
            if (p.containsKey("symbol")) {
                open.addAll(engine.openOrders(symbolOf(p)));
            } else {
                instruments.keySet().forEach(s -> open.addAll(engine.openOrders(s)));
            }
            StringBuilder out = new StringBuilder("[");
            for (Order o : open) {
                if (out.length() > 1) out.append(',');
                out.append(Payloads.order(o, meta.get(o.clientOrderId())));
            }
            return out.append(']').toString();
        }
    }

    String account() {
        synchronized (engine) {
            StringBuilder out = new StringBuilder("{\"makerCommission\":10,\"takerCommission\":10,\"buyerCommission\":0,\"sellerCommission\":0,")
                    .append("\"canTrade\":true,\"canWithdraw\":true,\"canDeposit\":true,\"brokered\":false,\"requireSelfTradePrevention\":false,")
                    .append("\"updateTime\":").append(clock.millis()).append(",\"accountType\":\"SPOT\",\"balances\":[");
            var balances = engine.balances();
            for (int i = 0; i < balances.size(); i++) {
                var b = balances.get(i);
                if (i > 0) out.append(',');
                out.append("{\"asset\":").append(Payloads.quote(b.asset())).append(",\"free\":").append(Payloads.dec(b.free()))
                        .append(",\"locked\":").append(Payloads.dec(b.locked())).append('}');
            }
            return out.append("],\"permissions\":[\"SPOT\"]}").toString();
        }
    }

    String myTrades(Map<String, String> p) {
        String symbol = symbolOf(p);
        int limit = limit(p);
        Long orderId = p.containsKey("orderId") ? integer(p, "orderId") : null;
        Long startTime = p.containsKey("startTime") ? integer(p, "startTime") : null;
        Long endTime = p.containsKey("endTime") ? integer(p, "endTime") : null;
        Long fromId = p.containsKey("fromId") ? integer(p, "fromId") : null;
        if (startTime != null && endTime != null && endTime - startTime > 24 * 3_600_000L) {
            throw VenueError.badRequest(-1127, "More than 24 hours between startTime and endTime.");
        }
        synchronized (engine) {
            List<SimTrade> matching = trades.stream()
                    .filter(t -> t.symbol().equals(symbol))
                    .filter(t -> orderId == null || t.orderId() == orderId)
                    .filter(t -> fromId == null || t.id() >= fromId)
                    .filter(t -> startTime == null || t.time() >= startTime)
                    .filter(t -> endTime == null || t.time() <= endTime)
                    .toList();
            boolean oldestFirst = fromId != null || startTime != null;
            List<SimTrade> page = oldestFirst ? matching.subList(0, Math.min(limit, matching.size()))
                    : matching.subList(Math.max(0, matching.size() - limit), matching.size());
            StringBuilder out = new StringBuilder("[");
            for (SimTrade t : page) {
                if (out.length() > 1) out.append(',');
                out.append(Payloads.trade(t));
            }
            return out.append(']').toString();
        }
    }

    String klines(Map<String, String> p) {
        String symbol = symbolOf(p);
        String interval = required(p, "interval");
        if (!interval.equals(bars.getFirst().timeframe().toString())) {
            throw VenueError.badRequest(-1120, "Invalid interval.");
        }
        int limit = limit(p);
        Long start = p.containsKey("startTime") ? integer(p, "startTime") : null;
        Long end = p.containsKey("endTime") ? integer(p, "endTime") : null;
        List<Bar> closed = closedBars(symbol).stream()
                .filter(b -> start == null || b.openTime().toEpochMilli() >= start)
                .filter(b -> end == null || b.openTime().toEpochMilli() <= end)
                .toList();
        List<Bar> page = start != null ? closed.subList(0, Math.min(limit, closed.size()))
                : closed.subList(Math.max(0, closed.size() - limit), closed.size());
        StringBuilder out = new StringBuilder("[");
        for (Bar b : page) {
            if (out.length() > 1) out.append(',');
            out.append(Payloads.klineRow(b));
        }
        return out.append(']').toString();
    }

    // ---- engine events ----------------------------------------------------------------------------

    private void orderChanged(Order order) {
        long now = clock.millis();
        SimOrder m = meta.computeIfAbsent(order.clientOrderId(), id -> new SimOrder(Long.parseLong(order.venueOrderId().orElseThrow()), now));
        m.updatedMillis = now;
        String executionType = amending ? "REPLACED" : switch (order.status()) {
            case NEW, PENDING_NEW -> "NEW";
            case CANCELED -> "CANCELED";
            case EXPIRED -> "EXPIRED";
            case REJECTED -> "REJECTED";
            default -> null; // FILLED / PARTIALLY_FILLED were reported with their trade
        };
        if (executionType != null) {
            String cancelId = order.status() == OrderStatus.CANCELED ? (pendingCancelId != null ? pendingCancelId : "cancel" + nextCancelId++) : null;
            userEvents.accept(Payloads.executionReport(order, m, executionType, null, cancelId, now));
        }
    }

    private void filled(Fill fill) {
        long now = clock.millis();
        SimOrder m = meta.get(fill.clientOrderId());
        SimTrade trade = new SimTrade(nextTradeId++, fill.symbol(), m.orderId, fill.clientOrderId(), fill.price(), fill.quantity(), fill.fee(),
                fill.feeAsset(), now, fill.side() == Side.BUY, fill.maker());
        trades.add(trade);
        tradeByFillId.put(fill.fillId(), trade);
        m.cumulativeQuote = m.cumulativeQuote.add(fill.price().multiply(fill.quantity()));
        m.updatedMillis = now;
        // the engine records the fill on the order before it tells its listener
        Order after = engine.order(fill.clientOrderId()).orElseThrow();
        userEvents.accept(Payloads.executionReport(after, m, "TRADE", trade, null, now));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Optional<Order> find(Map<String, String> p, String symbol) {
        if (p.containsKey("orderId")) {
            long id = integer(p, "orderId");
            return meta.entrySet().stream().filter(e -> e.getValue().orderId == id).findFirst()
                    .flatMap(e -> engine.order(e.getKey())).filter(o -> o.symbol().equals(symbol));
        }
        if (p.containsKey("origClientOrderId")) {
            return engine.order(p.get("origClientOrderId")).filter(o -> o.symbol().equals(symbol));
        }
        throw VenueError.badRequest(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
    }

    private String symbolOf(Map<String, String> p) {
        String symbol = required(p, "symbol");
        if (!instruments.containsKey(symbol)) {
            throw VenueError.badRequest(-1121, VenueMessages.INVALID_SYMBOL);
        }
        return symbol;
    }

    private static String required(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.isEmpty()) throw VenueError.mandatory(name);
        return value;
    }

    private static BigDecimal decimal(Map<String, String> p, String name, boolean mandatory) {
        String value = p.get(name);
        if (value == null || value.isEmpty()) {
            if (mandatory) throw VenueError.mandatory(name);
            return null;
        }
        if (!value.matches("^([0-9]{1,20})(\\.[0-9]{1,20})?$")) {
            throw VenueError.badRequest(-1100, "Illegal characters found in parameter '" + name + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
        }
        return new BigDecimal(value);
    }

    private static long integer(Map<String, String> p, String name) {
        try {
            return Long.parseLong(p.get(name));
        } catch (NumberFormatException e) {
            throw VenueError.badRequest(-1100, "Illegal characters found in parameter '" + name + "'; legal range is '^[0-9]{1,20}$'.");
        }
    }

    private static int limit(Map<String, String> p) {
        if (!p.containsKey("limit")) return 500;
        long limit = integer(p, "limit");
        return (int) Math.max(1, Math.min(1000, limit));
    }

    /** The matching engine's refusal in Binance's words: filters are -1013, the rest -2010. */
    private static VenueError rejection(OrderRejectedException e) {
        return switch (e.rule()) {
            case "PRICE_FILTER", "PRICE" -> VenueError.badRequest(-1013, VenueMessages.filterFailure("PRICE_FILTER"));
            case "LOT_SIZE", "QUANTITY" -> VenueError.badRequest(-1013, VenueMessages.filterFailure("LOT_SIZE"));
            case "MIN_NOTIONAL" -> VenueError.badRequest(-1013, VenueMessages.filterFailure("NOTIONAL"));
            case "DUPLICATE_ORDER" -> VenueError.badRequest(-2010, VenueMessages.DUPLICATE_ORDER);
            case "WOULD_MATCH" -> VenueError.badRequest(-2010, VenueMessages.WOULD_MATCH);
            case "INSUFFICIENT_BALANCE" -> VenueError.badRequest(-2010, VenueMessages.INSUFFICIENT_BALANCE);
            default -> e.category() == ErrorCategory.VENUE_UNAVAILABLE
                    ? VenueError.badRequest(-2010, "Market is closed.")
                    : VenueError.badRequest(-2010, e.getMessage());
        };
    }

    /** Every order's client id, for tests and the process's status line. */
    List<Order> allOrders() {
        synchronized (engine) {
            return engine.allOrders();
        }
    }

    List<io.tradekit.api.Balance> balances() {
        synchronized (engine) {
            return engine.balances();
        }
    }
}
