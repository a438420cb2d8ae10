package io.tradekit.bybit.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
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
import java.math.RoundingMode;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The venue behind the simulator's protocols: core's {@link MatchingEngine} holds the book and the
 * account; this adds what Bybit shows on top (string order ids, execution ids, wall-clock times,
 * executed value and fee) and answers each endpoint in Bybit's v5 terms of its category, spot or linear.
 * The engine's order changes and fills become {@code order}, {@code execution} and {@code wallet} pushes;
 * on linear also {@code position} pushes, funding settlements become {@code Funding} executions and the
 * engine's liquidations {@code BustTrade} executions. Every method runs under the engine's lock, the one
 * lock of the simulated venue, so answers and pushes keep their order.
 */
final class BybitVenue {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID_RULE = "[0-9A-Za-z_-]{1,36}";

    /** What Bybit shows of an order beyond the engine's view. */
    private static final class Meta {
        final long created;
        long updated;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;

        Meta(long created) {
            this.created = created;
            this.updated = created;
        }
    }

    private final MatchingEngine engine;
    private final Category category;
    private final Instrument instrument;
    private final Positions positions;
    private final List<Bar> bars;
    private final InstantSource clock;
    private final BiConsumer<String, ArrayNode> pushes;
    private final Map<String, Meta> meta = new HashMap<>();
    private final List<ObjectNode> executions = new ArrayList<>();
    private final List<FundingPayment> funding = new ArrayList<>();
    private long nextExecId = 1;
    private int cursor;

    BybitVenue(Category category, PaperSettings settings, Instrument instrument, List<Bar> bars, int initialBars, InstantSource clock,
               BiConsumer<String, ArrayNode> pushes) {
        if (initialBars < 1 || initialBars > bars.size()) {
            throw new InvalidInputException("bybit simulator: initial bars must be within 1.." + bars.size() + ", got " + initialBars);
        }
        this.engine = new MatchingEngine("bybit", settings);
        this.category = category;
        this.instrument = instrument;
        this.positions = category == Category.LINEAR ? new Positions(engine, instrument, clock) : null;
        this.bars = List.copyOf(bars);
        this.clock = clock;
        this.pushes = pushes;
        engine.setListener(new MatchingEngine.Listener() {
            @Override
            public void onOrder(Order order) {
                orderChanged(order);
            }

            @Override
            public void onFill(Fill fill) {
                filled(fill, "Trade");
            }

            @Override
            public void onFunding(FundingPayment payment) {
                funded(payment);
            }

            @Override
            public void onLiquidation(Order order, Fill fill) {
                filled(fill, "BustTrade");
                pushOrder(order);
            }
        });
        synchronized (engine) {
            for (int i = 0; i < initialBars; i++) engine.onBar(this.bars.get(i));
            cursor = initialBars;
            engine.onTicker(quote(this.bars.get(cursor - 1)));
        }
    }

    Object lock() {
        return engine;
    }

    Instrument instrument() {
        return instrument;
    }

    List<Bar> closedBars() {
        synchronized (engine) {
            return List.copyOf(bars.subList(0, cursor));
        }
    }

    boolean hasNextBar() {
        synchronized (engine) {
            return cursor < bars.size();
        }
    }

    /** The next bar closes: resting orders it crosses fill, then the touch moves to its close. */
    Optional<Bar> advance() {
        synchronized (engine) {
            if (cursor >= bars.size()) return Optional.empty();
            Bar bar = bars.get(cursor++);
            engine.onBar(bar);
            engine.onTicker(quote(bar));
            return Optional.of(bar);
        }
    }

    /** The simulated touch after a bar: bid at the close, ask one tick above. */
    private Ticker quote(Bar bar) {
        return new Ticker(bar.symbol(), bar.closeTime(), bar.close(), bar.close().add(instrument.tickSize()), bar.close());
    }

    // ---- endpoints: each returns the "result" object ----------------------------------------------

    ObjectNode instruments(Map<String, String> p) {
        requireCategory(p);
        ObjectNode result = JSON.createObjectNode().put("category", category.wire()).put("nextPageCursor", "");
        ArrayNode list = result.putArray("list");
        String symbol = p.get("symbol");
        if ((symbol == null || symbol.equals(instrument.symbol())) && category == Category.LINEAR) {
            ObjectNode i = list.addObject();
            i.put("symbol", instrument.symbol()).put("contractType", "LinearPerpetual").put("status", "Trading")
                    .put("baseCoin", instrument.baseAsset()).put("quoteCoin", instrument.quoteAsset()).put("settleCoin", instrument.quoteAsset())
                    .put("fundingInterval", instrument.margin().fundingInterval().toMinutes());
            i.putObject("leverageFilter").put("minLeverage", "1").put("maxLeverage", plain(instrument.margin().maxLeverage()))
                    .put("leverageStep", "0.01");
            i.putObject("priceFilter").put("minPrice", plain(instrument.tickSize())).put("maxPrice", "1999999.80")
                    .put("tickSize", plain(instrument.tickSize()));
            i.putObject("lotSizeFilter").put("maxOrderQty", "100000").put("minOrderQty", plain(instrument.minQuantity()))
                    .put("qtyStep", plain(instrument.stepSize())).put("maxMktOrderQty", "100000").put("minNotionalValue", plain(instrument.minNotional()));
        } else if (symbol == null || symbol.equals(instrument.symbol())) {
            ObjectNode i = list.addObject();
            i.put("symbol", instrument.symbol()).put("baseCoin", instrument.baseAsset()).put("quoteCoin", instrument.quoteAsset())
                    .put("innovation", "0").put("status", "Trading").put("marginTrading", "none");
            i.putObject("lotSizeFilter").put("basePrecision", plain(instrument.stepSize())).put("quotePrecision", "0.00000001")
                    .put("minOrderQty", plain(instrument.minQuantity())).put("maxOrderQty", "100000")
                    .put("minOrderAmt", plain(instrument.minNotional())).put("maxOrderAmt", "10000000");
            i.putObject("priceFilter").put("tickSize", plain(instrument.tickSize()));
        }
        return result;
    }

    /** Closed klines in {@code [start, end]}, the newest {@code limit} of them, newest first, as Bybit sends them. */
    ObjectNode klines(Map<String, String> p) {
        requireCategory(p);
        String symbol = symbolOf(p);
        String interval = required(p, "interval");
        if (!interval.equals(intervalName())) throw Refusal.param("interval " + interval + " is not served; this simulator has " + intervalName());
        int limit = limit(p, 200, 1000);
        Long start = p.containsKey("start") ? whole(p, "start") : null;
        Long end = p.containsKey("end") ? whole(p, "end") : null;
        List<Bar> matching = closedBars().stream()
                .filter(b -> start == null || b.openTime().toEpochMilli() >= start)
                .filter(b -> end == null || b.openTime().toEpochMilli() <= end)
                .toList();
        List<Bar> page = matching.subList(Math.max(0, matching.size() - limit), matching.size());
        ObjectNode result = JSON.createObjectNode().put("symbol", symbol).put("category", category.wire());
        ArrayNode list = result.putArray("list");
        for (int i = page.size() - 1; i >= 0; i--) {
            Bar b = page.get(i);
            list.addArray().add(Long.toString(b.openTime().toEpochMilli())).add(plain(b.open())).add(plain(b.high())).add(plain(b.low()))
                    .add(plain(b.close())).add(plain(b.volume())).add(plain(b.volume().multiply(b.close())));
        }
        return result;
    }

    String intervalName() {
        long minutes = bars.getFirst().timeframe().duration().toMinutes();
        return switch ((int) minutes) {
            case 1440 -> "D";
            case 10080 -> "W";
            default -> Long.toString(minutes);
        };
    }

    ObjectNode create(Map<String, String> p) {
        requireCategory(p);
        boolean linear = category == Category.LINEAR;
        boolean reduceOnly = "true".equals(p.get("reduceOnly"));
        if (reduceOnly && !linear) throw Refusal.param("reduceOnly is valid for linear, inverse and option only");
        if (linear && p.containsKey("positionIdx") && !p.get("positionIdx").equals("0")) {
            throw Refusal.param("position idx not match position mode: this account is in one-way mode (positionIdx 0)");
        }
        String symbol = symbolOf(p);
        Side side = switch (required(p, "side")) {
            case "Buy" -> Side.BUY;
            case "Sell" -> Side.SELL;
            default -> throw Refusal.param("side must be Buy or Sell");
        };
        String orderType = required(p, "orderType");
        String tif = p.getOrDefault("timeInForce", orderType.equals("Market") ? "IOC" : "GTC");
        OrderType type = switch (orderType) {
            case "Market" -> OrderType.MARKET;
            case "Limit" -> tif.equals("PostOnly") ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
            default -> throw Refusal.param("orderType must be Market or Limit");
        };
        TimeInForce timeInForce = switch (tif) {
            case "GTC", "PostOnly" -> TimeInForce.GTC;
            case "IOC" -> TimeInForce.IOC;
            case "FOK" -> TimeInForce.FOK;
            default -> throw Refusal.param("timeInForce must be GTC, IOC, FOK or PostOnly");
        };
        BigDecimal qty = decimal(p, "qty");
        Optional<BigDecimal> price = type == OrderType.MARKET ? Optional.empty() : Optional.of(decimal(p, "price"));
        synchronized (engine) {
            if (!linear && type == OrderType.MARKET && side == Side.BUY && !"baseCoin".equals(p.get("marketUnit"))) {
                // a spot market buy is sized in the quote coin unless marketUnit says otherwise
                BigDecimal reference = engine.lastPrice(symbol).orElseThrow(() -> new Refusal(170210, "New order rejected."));
                qty = qty.divide(reference, instrument.stepSize().scale(), RoundingMode.DOWN);
            }
            String link = p.getOrDefault("orderLinkId", "");
            if (link.isEmpty()) link = "sim-" + Long.toString(clock.millis(), 36) + "-" + nextExecId++;
            if (!link.matches(ID_RULE)) throw Refusal.param("orderLinkId must be 1..36 of [0-9A-Za-z_-]");
            if (engine.order(link).isPresent()) {
                throw linear ? new Refusal(110072, "OrderLinkedID is duplicate") : new Refusal(170141, "Duplicate clientOrderId.");
            }
            try {
                engine.submit(new OrderRequest(link, symbol, side, type, qty, price, timeInForce, reduceOnly));
            } catch (OrderRejectedException e) {
                throw refusal(e);
            } catch (ExchangeException e) {
                throw linear ? Refusal.param("New order rejected: " + e.getMessage()) : new Refusal(170210, "New order rejected.");
            }
            Order order = engine.order(link).orElseThrow();
            return JSON.createObjectNode().put("orderId", order.venueOrderId().orElseThrow()).put("orderLinkId", link);
        }
    }

    ObjectNode cancel(Map<String, String> p) {
        requireCategory(p);
        String symbol = symbolOf(p);
        synchronized (engine) {
            Order order = find(p).filter(o -> o.symbol().equals(symbol) && o.status().isOpen())
                    .orElseThrow(() -> category == Category.LINEAR ? new Refusal(110001, "Order does not exist")
                            : new Refusal(170213, "Order does not exist."));
            engine.cancel(symbol, order.clientOrderId());
            return JSON.createObjectNode().put("orderId", order.venueOrderId().orElseThrow()).put("orderLinkId", order.clientOrderId());
        }
    }

    ObjectNode cancelAll(Map<String, String> p) {
        requireCategory(p);
        String symbol = symbolOf(p);
        synchronized (engine) {
            ObjectNode result = JSON.createObjectNode();
            ArrayNode list = result.putArray("list");
            for (Order o : engine.openOrders(symbol)) {
                engine.cancel(symbol, o.clientOrderId());
                list.addObject().put("orderId", o.venueOrderId().orElseThrow()).put("orderLinkId", o.clientOrderId());
            }
            return result.put("success", "1");
        }
    }

    /** {@code /v5/order/realtime}: open orders (by orderLinkId or all of the symbol), newest first, paged by cursor. */
    ObjectNode realtime(Map<String, String> p) {
        return orderList(p, true);
    }

    /** {@code /v5/order/history}: finished orders, newest first, paged by cursor. */
    ObjectNode history(Map<String, String> p) {
        return orderList(p, false);
    }

    private ObjectNode orderList(Map<String, String> p, boolean open) {
        requireCategory(p);
        String symbol = p.containsKey("symbol") ? symbolOf(p) : instrument.symbol();
        String link = p.get("orderLinkId");
        synchronized (engine) {
            List<Order> matching = new ArrayList<>(engine.allOrders().stream()
                    .filter(o -> o.symbol().equals(symbol) && o.status().isOpen() == open)
                    .filter(o -> link == null || o.clientOrderId().equals(link))
                    .toList());
            java.util.Collections.reverse(matching);
            return page(matching.stream().map(this::orderEntry).toList(), p, 20, 50, category);
        }
    }

    /** {@code /v5/execution/list}: the account's executions, newest first, within 7 days, paged by cursor. */
    ObjectNode executions(Map<String, String> p) {
        requireCategory(p);
        String symbol = p.containsKey("symbol") ? symbolOf(p) : null;
        Long start = p.containsKey("startTime") ? whole(p, "startTime") : null;
        Long end = p.containsKey("endTime") ? whole(p, "endTime") : null;
        if (start != null && end != null && end - start > 7L * 86_400_000) throw Refusal.param("The time range cannot exceed 7 days");
        String link = p.get("orderLinkId");
        synchronized (engine) {
            List<ObjectNode> matching = new ArrayList<>(executions.stream()
                    .filter(e -> symbol == null || e.get("symbol").asText().equals(symbol))
                    .filter(e -> link == null || e.get("orderLinkId").asText().equals(link))
                    .filter(e -> start == null || e.get("execTime").asLong() >= start)
                    .filter(e -> end == null || e.get("execTime").asLong() <= end)
                    .toList());
            java.util.Collections.reverse(matching);
            return page(matching, p, 50, 100, category);
        }
    }

    ObjectNode wallet(Map<String, String> p) {
        if (!"UNIFIED".equals(p.get("accountType"))) throw Refusal.param("accountType must be UNIFIED");
        synchronized (engine) {
            ObjectNode result = JSON.createObjectNode();
            result.putArray("list").add(walletEntry());
            return result;
        }
    }

    private ObjectNode walletEntry() {
        ObjectNode account = JSON.createObjectNode().put("accountType", "UNIFIED");
        ArrayNode coins = account.putArray("coin");
        for (Balance b : engine.balances()) {
            ObjectNode coin = coins.addObject().put("coin", b.asset()).put("walletBalance", plain(b.total())).put("usdValue", "");
            if (category == Category.LINEAR && b.asset().equals(instrument.quoteAsset())) {
                // the engine locks order margin and position margin alike; Bybit shows them apart, and no spot order locks anything
                Map<String, BigDecimal> m = positions.margins(instrument.symbol());
                coin.put("locked", "0").put("totalPositionIM", plain(m.get("im"))).put("totalOrderIM", plain(b.locked().subtract(m.get("im"))))
                        .put("totalPositionMM", plain(m.get("mm"))).put("unrealisedPnl", plain(m.get("upl")))
                        .put("equity", plain(b.total().add(m.get("upl"))));
            } else {
                coin.put("locked", plain(b.locked())).put("equity", plain(b.total()));
            }
        }
        return account;
    }

    // ---- engine events ------------------------------------------------------------------------------

    private void orderChanged(Order order) {
        long now = clock.millis();
        meta.computeIfAbsent(order.clientOrderId(), id -> new Meta(now)).updated = now;
        if (order.status() != OrderStatus.FILLED && order.status() != OrderStatus.PARTIALLY_FILLED) {
            pushOrder(order); // a fill's order state goes out right after its execution
        }
    }

    private void filled(Fill fill, String execType) {
        long now = clock.millis();
        Meta m = meta.computeIfAbsent(fill.clientOrderId(), id -> new Meta(now));
        m.value = m.value.add(fill.price().multiply(fill.quantity()));
        m.fee = m.fee.add(fill.fee());
        m.updated = now;
        Order order = engine.order(fill.clientOrderId()).orElseThrow();
        ObjectNode e = JSON.createObjectNode().put("category", category.wire()).put("symbol", fill.symbol())
                .put("orderId", order.venueOrderId().orElseThrow()).put("orderLinkId", fill.clientOrderId())
                .put("side", fill.side() == Side.BUY ? "Buy" : "Sell").put("orderPrice", order.limitPrice().map(BybitVenue::plain).orElse(""))
                .put("orderQty", plain(order.quantity())).put("orderType", order.type() == OrderType.MARKET ? "Market" : "Limit")
                .put("execFee", plain(fill.fee())).put("feeCurrency", fill.feeAsset()).put("execId", "e" + (nextExecId++))
                .put("execPrice", plain(fill.price())).put("execQty", plain(fill.quantity())).put("execType", execType)
                .put("execValue", plain(fill.price().multiply(fill.quantity()))).put("execTime", Long.toString(now))
                .put("isMaker", fill.maker()).put("leavesQty", plain(order.remainingQuantity()));
        if (category == Category.LINEAR) e.put("orderLinkId", execType.equals("Trade") ? fill.clientOrderId() : "").put("markPrice", plain(fill.price()));
        executions.add(e);
        pushes.accept("execution", JSON.createArrayNode().add(e));
        if (execType.equals("Trade")) pushOrder(order);
        pushes.accept("wallet", JSON.createArrayNode().add(walletEntry()));
        pushPosition();
    }

    /**
     * A funding settlement as Bybit lists it: an execution of type {@code Funding} of no order of the account,
     * {@code side} the position's, {@code execQty} its size, {@code execPrice} the mark, {@code execFee} what the
     * account paid (negative: received) and {@code feeRate} the rate as the position sees it (negated for a short).
     */
    private void funded(FundingPayment payment) {
        long now = clock.millis();
        funding.add(payment);
        boolean isLong = payment.quantity().signum() > 0;
        String side = isLong ? "Buy" : "Sell";
        BigDecimal size = payment.quantity().abs();
        ObjectNode e = JSON.createObjectNode().put("category", category.wire()).put("symbol", payment.symbol())
                .put("orderId", payment.time().getEpochSecond() + "-" + payment.symbol() + "-" + nextExecId + "-" + side).put("orderLinkId", "")
                .put("side", side).put("orderPrice", "0").put("orderQty", "0").put("leavesQty", "0").put("orderType", "UNKNOWN")
                .put("stopOrderType", "UNKNOWN").put("execFee", plain(payment.amount())).put("feeCurrency", instrument.quoteAsset())
                .put("execId", "f" + (nextExecId++)).put("execPrice", plain(payment.markPrice())).put("execQty", plain(size))
                .put("execType", "Funding").put("execValue", plain(instrument.notional(size, payment.markPrice())))
                .put("execTime", Long.toString(now)).put("isMaker", false)
                .put("feeRate", plain(isLong ? payment.rate() : payment.rate().negate())).put("markPrice", plain(payment.markPrice()))
                .put("closedSize", "0");
        executions.add(e);
        pushes.accept("execution", JSON.createArrayNode().add(e));
        pushes.accept("wallet", JSON.createArrayNode().add(walletEntry()));
        pushPosition();
    }

    private void pushPosition() {
        if (positions == null) return;
        positions.touched();
        pushes.accept("position", JSON.createArrayNode().add(positions.entry(instrument.symbol()).put("category", "linear")));
    }

    private void pushOrder(Order order) {
        pushes.accept("order", JSON.createArrayNode().add(orderEntry(order)));
    }

    private ObjectNode orderEntry(Order o) {
        Meta m = meta.get(o.clientOrderId());
        String status = switch (o.status()) {
            case PENDING_NEW, NEW, UNKNOWN -> "New";
            case PARTIALLY_FILLED -> "PartiallyFilled";
            case FILLED -> "Filled";
            case CANCELED, EXPIRED -> o.filledQuantity().signum() > 0 ? "PartiallyFilledCanceled" : "Cancelled";
            case REJECTED -> "Rejected";
        };
        String tif = o.type() == OrderType.LIMIT_MAKER ? "PostOnly" : o.type() == OrderType.MARKET ? "IOC" : o.timeInForce().name();
        BigDecimal avg = o.filledQuantity().signum() > 0 ? m.value.divide(o.filledQuantity(), 8, RoundingMode.HALF_EVEN) : BigDecimal.ZERO;
        return JSON.createObjectNode().put("category", category.wire()).put("orderId", o.venueOrderId().orElseThrow()).put("orderLinkId", o.clientOrderId())
                .put("reduceOnly", o.reduceOnly()).put("positionIdx", 0)
                .put("symbol", o.symbol()).put("price", o.limitPrice().map(BybitVenue::plain).orElse("0")).put("qty", plain(o.quantity()))
                .put("side", o.side() == Side.BUY ? "Buy" : "Sell").put("orderStatus", status)
                .put("avgPrice", avg.signum() > 0 ? plain(avg) : "").put("leavesQty", plain(o.remainingQuantity()))
                .put("cumExecQty", plain(o.filledQuantity())).put("cumExecValue", plain(m.value)).put("cumExecFee", plain(m.fee))
                .put("timeInForce", tif).put("orderType", o.type() == OrderType.MARKET ? "Market" : "Limit")
                .put("rejectReason", "EC_NoError").put("createdTime", Long.toString(m.created)).put("updatedTime", Long.toString(m.updated));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** A page of {@code entries} from the cursor on (the cursor is the offset), with the next cursor when more are left. */
    private static ObjectNode page(List<ObjectNode> entries, Map<String, String> p, int defaultLimit, int maxLimit, Category category) {
        int limit = limit(p, defaultLimit, maxLimit);
        int from = 0;
        if (p.containsKey("cursor") && !p.get("cursor").isEmpty()) {
            try {
                from = Integer.parseInt(p.get("cursor"));
            } catch (NumberFormatException e) {
                throw Refusal.param("cursor is not one this venue gave");
            }
        }
        int to = Math.min(entries.size(), from + limit);
        ObjectNode result = JSON.createObjectNode().put("category", category.wire());
        ArrayNode list = result.putArray("list");
        for (int i = from; i < to; i++) list.add(entries.get(i));
        return result.put("nextPageCursor", to < entries.size() ? Integer.toString(to) : "");
    }

    private Optional<Order> find(Map<String, String> p) {
        if (p.containsKey("orderLinkId")) return engine.order(p.get("orderLinkId"));
        if (p.containsKey("orderId")) {
            String id = p.get("orderId");
            return engine.allOrders().stream().filter(o -> o.venueOrderId().orElse("").equals(id)).findFirst();
        }
        throw Refusal.param("orderId or orderLinkId is required");
    }

    private void requireCategory(Map<String, String> p) {
        String asked = p.get("category");
        if (asked == null) throw Refusal.param("category is required");
        if (!asked.equals(category.wire())) throw Refusal.param("category " + asked + " is not served by this simulator (" + category.wire() + " only)");
    }

    // ---- linear: positions, leverage, risk limits ------------------------------------------------------

    ObjectNode positionList(Map<String, String> p) {
        requireLinear(p);
        synchronized (engine) {
            return positions.list(symbolOf(p));
        }
    }

    ObjectNode setLeverage(Map<String, String> p) {
        requireLinear(p);
        symbolOf(p);
        synchronized (engine) {
            return positions.setLeverage(p.get("buyLeverage"), p.get("sellLeverage"));
        }
    }

    ObjectNode riskLimits(Map<String, String> p) {
        requireLinear(p);
        if (p.containsKey("symbol")) symbolOf(p);
        return positions.riskLimits();
    }

    private void requireLinear(Map<String, String> p) {
        requireCategory(p);
        if (positions == null) throw Refusal.param("category " + category.wire() + " has no positions, leverage or risk limits");
    }

    private String symbolOf(Map<String, String> p) {
        String symbol = required(p, "symbol");
        if (!symbol.equals(instrument.symbol())) throw new Refusal(170121, "Invalid symbol.");
        return symbol;
    }

    private static String required(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.isEmpty()) throw Refusal.param(name + " is required");
        return value;
    }

    private static BigDecimal decimal(Map<String, String> p, String name) {
        String value = required(p, name);
        if (!value.matches("[0-9]{1,20}(\\.[0-9]{1,20})?")) throw new Refusal(170130, "Data sent for parameter '" + name + "' is not valid.");
        return new BigDecimal(value);
    }

    private static long whole(Map<String, String> p, String name) {
        try {
            return Long.parseLong(p.get(name));
        } catch (NumberFormatException e) {
            throw Refusal.param(name + " must be a whole number");
        }
    }

    private static int limit(Map<String, String> p, int fallback, int max) {
        if (!p.containsKey("limit")) return fallback;
        return (int) Math.max(1, Math.min(max, whole(p, "limit")));
    }

    /** The engine's refusal in Bybit's codes of the category. */
    private Refusal refusal(OrderRejectedException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (category == Category.LINEAR) {
            return switch (e.rule()) {
                case "REDUCE_ONLY" -> new Refusal(110017, "Reduce-only rule not satisfied: " + message);
                case "MIN_NOTIONAL" -> new Refusal(110094, "Order notional value below the lower limit");
                case "INSUFFICIENT_BALANCE" -> new Refusal(110007, "Available balance is insufficient");
                case "DUPLICATE_ORDER" -> new Refusal(110072, "OrderLinkedID is duplicate");
                default -> Refusal.param(message);
            };
        }
        return switch (e.rule()) {
            case "PRICE_FILTER", "PRICE" -> new Refusal(170134, "Order price decimal too long.");
            case "LOT_SIZE", "QUANTITY" -> message.contains("below") || e.rule().equals("QUANTITY")
                    ? new Refusal(170136, "Order quantity lower than the minimum.")
                    : new Refusal(170137, "Order volume decimal too long.");
            case "MIN_NOTIONAL" -> new Refusal(170140, "Order value exceeded lower limit.");
            case "DUPLICATE_ORDER" -> new Refusal(170141, "Duplicate clientOrderId.");
            case "WOULD_MATCH" -> new Refusal(170218, "The LIMIT-MAKER order is rejected due to its price would make it a taker.");
            case "INSUFFICIENT_BALANCE" -> new Refusal(170131, "Insufficient balance.");
            default -> new Refusal(170210, "New order rejected.");
        };
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    List<Order> allOrders() {
        synchronized (engine) {
            return engine.allOrders();
        }
    }

    List<Balance> balances() {
        synchronized (engine) {
            return engine.balances();
        }
    }

    Optional<io.tradekit.api.Position> position() {
        synchronized (engine) {
            return engine.position(instrument.symbol());
        }
    }

    List<FundingPayment> fundingPayments() {
        synchronized (engine) {
            return List.copyOf(funding);
        }
    }
}
