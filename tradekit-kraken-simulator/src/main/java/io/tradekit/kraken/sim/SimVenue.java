package io.tradekit.kraken.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
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
import java.math.RoundingMode;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The venue behind the simulator's protocols: core's {@link MatchingEngine} holds the book and the
 * account; this adds what Kraken shows on top (txids, trade ids, wall-clock times, costs and fees),
 * answers each REST method in Kraken's shape, and turns the engine's order changes and fills into
 * WebSocket v2 {@code executions} entries. Every method runs under the engine's lock, the one lock of
 * the simulated venue, so answers and stream entries come in the order things happened.
 */
final class SimVenue {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String CL_ORD_ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32}|[A-Za-z0-9_-]{1,18}";
    private static final int MAX_OHLC_ROWS = 720;
    private static final int TRADES_PAGE = 50;

    /** What Kraken shows of an order beyond the engine's view. */
    private static final class Meta {
        final String txid;
        final String clOrdId;
        final long openMillis;
        final boolean post;
        long closeMillis;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;

        Meta(String txid, String clOrdId, long openMillis, boolean post) {
            this.txid = txid;
            this.clOrdId = clOrdId;
            this.openMillis = openMillis;
            this.post = post;
        }
    }

    private record Trade(String txid, long tradeId, String orderTxid, Side side, BigDecimal price, BigDecimal volume, BigDecimal cost,
                         BigDecimal fee, long millis, boolean maker) {
    }

    private final MatchingEngine engine;
    private final PairSpec pair;
    private final List<Bar> bars;
    private final InstantSource clock;
    private final Consumer<ObjectNode> executions;
    private final Map<String, Meta> meta = new HashMap<>();
    private final Map<String, String> engineIdByTxid = new HashMap<>();
    private final List<Trade> trades = new ArrayList<>();
    private final Random ids = new Random(7);
    private long nextTradeId = 1;
    private long engineIds;
    private int cursor;
    private String placing;
    private boolean placingPost;
    private long cancelAllAt;

    SimVenue(PaperSettings settings, PairSpec pair, List<Bar> bars, int initialBars, InstantSource clock, Consumer<ObjectNode> executions) {
        this.engine = new MatchingEngine("kraken", settings);
        this.pair = pair;
        this.bars = List.copyOf(bars);
        this.clock = clock;
        this.executions = executions;
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
            for (int i = 0; i < initialBars; i++) engine.onBar(this.bars.get(i));
            cursor = initialBars;
            engine.onTicker(quote(this.bars.get(cursor - 1)));
        }
    }

    Object lock() {
        return engine;
    }

    PairSpec pair() {
        return pair;
    }

    // ---- market ---------------------------------------------------------------------------------

    Optional<Bar> advance() {
        synchronized (engine) {
            if (cursor >= bars.size()) return Optional.empty();
            Bar bar = bars.get(cursor++);
            engine.onBar(bar);
            engine.onTicker(quote(bar));
            return Optional.of(bar);
        }
    }

    boolean hasNextBar() {
        synchronized (engine) {
            return cursor < bars.size();
        }
    }

    List<Bar> closedBars() {
        synchronized (engine) {
            return List.copyOf(bars.subList(0, cursor));
        }
    }

    /** The period forming after the last closed bar: the next bar's open so far, or a flat bar at the last close. */
    Bar forming() {
        synchronized (engine) {
            Bar last = bars.get(cursor - 1);
            BigDecimal open = cursor < bars.size() ? bars.get(cursor).open() : last.close();
            return new Bar(last.symbol(), last.timeframe(), last.closeTime(), open, open, open, open, BigDecimal.ZERO);
        }
    }

    /** The simulated touch after a bar: bid at the close, ask one tick above. */
    Ticker quote(Bar bar) {
        return new Ticker(pair.altname(), bar.closeTime(), bar.close(), bar.close().add(pair.tickSize()), bar.close());
    }

    // ---- public REST ------------------------------------------------------------------------------

    ObjectNode assetPairs(String filter) {
        if (filter != null && !filter.isEmpty()) {
            for (String name : filter.split(",")) {
                if (!pair.isCalled(name.strip())) throw new VenueError("EQuery:Unknown asset pair");
            }
        }
        ObjectNode result = JSON.objectNode();
        ObjectNode p = result.putObject(pair.key());
        p.put("altname", pair.altname());
        p.put("wsname", pair.wsname());
        p.put("aclass_base", "currency");
        p.put("base", pair.base());
        p.put("aclass_quote", "currency");
        p.put("quote", pair.quote());
        p.put("lot", "unit");
        p.put("cost_decimals", 5);
        p.put("pair_decimals", Math.max(0, pair.tickSize().stripTrailingZeros().scale()));
        p.put("lot_decimals", pair.lotDecimals());
        p.put("lot_multiplier", 1);
        p.putArray("fees").addArray().add(0).add(0.26);
        p.putArray("fees_maker").addArray().add(0).add(0.16);
        p.put("fee_volume_currency", "ZUSD");
        p.put("margin_call", 80);
        p.put("margin_stop", 40);
        p.put("ordermin", pair.orderMin().toPlainString());
        p.put("costmin", pair.costMin().toPlainString());
        p.put("tick_size", pair.tickSize().toPlainString());
        p.put("status", pair.status());
        return result;
    }

    /** Rows after {@code since} (all when null), at most the 720 latest, the forming period last; {@code last} is the last closed row's time. */
    ObjectNode ohlc(String pairName, long intervalMinutes, Long since) {
        if (!pair.isCalled(pairName)) throw new VenueError("EQuery:Unknown asset pair");
        List<Bar> closed = closedBars();
        if (intervalMinutes * 60_000 != closed.getFirst().timeframe().millis()) {
            throw new VenueError("EGeneral:Invalid arguments:interval");
        }
        List<Bar> rows = new ArrayList<>(closed);
        rows.add(forming());
        rows = rows.subList(Math.max(0, rows.size() - MAX_OHLC_ROWS), rows.size());
        ObjectNode result = JSON.objectNode();
        ArrayNode out = result.putArray(pair.key());
        for (Bar b : rows) {
            long t = b.openTime().getEpochSecond();
            if (since != null && t <= since) continue;
            ArrayNode r = out.addArray();
            r.add(t).add(price(b.open())).add(price(b.high())).add(price(b.low())).add(price(b.close()))
                    .add(price(b.high().add(b.low()).add(b.close()).divide(BigDecimal.valueOf(3), pair.tickSize().scale() + 2, RoundingMode.HALF_EVEN)))
                    .add(b.volume().setScale(8, RoundingMode.HALF_EVEN).toPlainString()).add(b.volume().signum() == 0 ? 0 : 12);
        }
        result.put("last", closed.getLast().openTime().getEpochSecond());
        return result;
    }

    // ---- private REST -----------------------------------------------------------------------------

    ObjectNode addOrder(Map<String, String> p) {
        String pairName = required(p, "pair", "EQuery:Unknown asset pair");
        if (!pair.isCalled(pairName)) throw new VenueError("EQuery:Unknown asset pair");
        Side side = switch (required(p, "type", "EGeneral:Invalid arguments:type")) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new VenueError("EGeneral:Invalid arguments:type");
        };
        String orderType = required(p, "ordertype", "EGeneral:Invalid arguments:ordertype");
        if (!orderType.equals("limit") && !orderType.equals("market")) throw new VenueError("EGeneral:Invalid arguments:ordertype");
        boolean market = orderType.equals("market");
        BigDecimal volume = decimal(p.get("volume"), "volume");
        if (volume.stripTrailingZeros().scale() > pair.lotDecimals()) throw new VenueError("EGeneral:Invalid arguments:volume");
        BigDecimal price = null;
        if (!market) {
            price = decimal(p.get("price"), "price");
            if (price.stripTrailingZeros().scale() > pair.tickSize().stripTrailingZeros().scale()) {
                throw new VenueError("EOrder:Invalid price:" + pair.altname() + " price can only be specified up to "
                        + pair.tickSize().stripTrailingZeros().scale() + " decimals.");
            }
            if (price.remainder(pair.tickSize()).signum() != 0) throw new VenueError("EOrder:Tick size check failed");
        }
        boolean post = p.getOrDefault("oflags", "").contains("post");
        if (post && market) throw new VenueError("EGeneral:Invalid arguments:oflags");
        TimeInForce tif = switch (p.getOrDefault("timeinforce", "GTC")) {
            case "GTC", "GTD" -> TimeInForce.GTC;
            case "IOC" -> TimeInForce.IOC;
            default -> throw new VenueError("EGeneral:Invalid arguments:timeinforce");
        };
        String clOrdId = p.get("cl_ord_id");
        if (clOrdId != null && !clOrdId.matches(CL_ORD_ID)) throw new VenueError("EGeneral:Invalid arguments:cl_ord_id");
        switch (pair.status()) {
            case "online" -> { }
            case "post_only" -> { if (!post) throw new VenueError("EService:Market in post_only mode"); }
            case "limit_only" -> { if (market) throw new VenueError("EService:Market in limit_only mode"); }
            default -> throw new VenueError("EService:Market in cancel_only mode");
        }
        if (volume.compareTo(pair.orderMin()) < 0) throw new VenueError("EOrder:Order minimum not met");
        synchronized (engine) {
            BigDecimal reference = price != null ? price : engine.lastPrice(pair.altname()).orElse(BigDecimal.ZERO);
            if (volume.multiply(reference).compareTo(pair.costMin()) < 0) throw new VenueError("EOrder:Cost minimum not met");
            ObjectNode result = JSON.objectNode();
            ObjectNode descr = result.putObject("descr");
            descr.put("order", side.name().toLowerCase() + " " + volume.setScale(pair.lotDecimals(), RoundingMode.UNNECESSARY).toPlainString() + " "
                    + pair.altname() + " @ " + (market ? "market" : "limit " + price(price)));
            if ("true".equals(p.get("validate"))) {
                return result;
            }
            if (clOrdId != null && engine.order(clOrdId).filter(o -> o.status().isOpen()).isPresent()) {
                throw new VenueError("EOrder:Duplicate cl_ord_id");
            }
            String engineId = clOrdId != null && engine.order(clOrdId).isEmpty() ? clOrdId : "sim-" + (++engineIds);
            OrderType type = market ? OrderType.MARKET : post ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
            OrderRequest request = new OrderRequest(engineId, pair.altname(), side, type, volume, Optional.ofNullable(price), tif, false);
            placing = clOrdId;
            placingPost = post;
            OrderAck ack;
            try {
                ack = engine.submit(request);
            } catch (OrderRejectedException e) {
                throw new VenueError(switch (e.rule()) {
                    case "INSUFFICIENT_BALANCE" -> "EOrder:Insufficient funds";
                    case "WOULD_MATCH" -> "EOrder:Post only order";
                    case "DUPLICATE_ORDER" -> "EOrder:Duplicate cl_ord_id";
                    case "NO_PRICE" -> "EService:Unavailable";
                    default -> "EOrder:Invalid order";
                });
            } finally {
                placing = null;
            }
            result.putArray("txid").add(meta.get(ack.clientOrderId()).txid);
            return result;
        }
    }

    ObjectNode cancelOrder(Map<String, String> p) {
        synchronized (engine) {
            String engineId = find(p).orElse(null);
            Order order = engineId == null ? null : engine.order(engineId).orElse(null);
            if (order == null || !order.status().isOpen()) throw new VenueError("EOrder:Unknown order");
            engine.cancel(pair.altname(), engineId);
            ObjectNode result = JSON.objectNode();
            result.put("count", 1);
            return result;
        }
    }

    ObjectNode cancelAll() {
        synchronized (engine) {
            ObjectNode result = JSON.objectNode();
            result.put("count", engine.cancelAll(pair.altname()));
            return result;
        }
    }

    /** Arms (or with 0 disarms) the countdown after which every open order is cancelled. */
    ObjectNode cancelAllOrdersAfter(long timeoutSeconds) {
        synchronized (engine) {
            long now = clock.millis();
            cancelAllAt = timeoutSeconds == 0 ? 0 : now + timeoutSeconds * 1000;
            ObjectNode result = JSON.objectNode();
            result.put("currentTime", Instant.ofEpochMilli(now).toString());
            result.put("triggerTime", cancelAllAt == 0 ? "0" : Instant.ofEpochMilli(cancelAllAt).toString());
            return result;
        }
    }

    /** Cancels every open order if the dead man's switch ran out; true when it fired. */
    boolean checkDeadMansSwitch() {
        synchronized (engine) {
            if (cancelAllAt == 0 || clock.millis() < cancelAllAt) return false;
            cancelAllAt = 0;
            engine.cancelAll(pair.altname());
            return true;
        }
    }

    boolean deadMansSwitchArmed() {
        synchronized (engine) {
            return cancelAllAt != 0;
        }
    }

    ObjectNode openOrders(Map<String, String> p) {
        synchronized (engine) {
            String filter = p.get("cl_ord_id");
            ObjectNode result = JSON.objectNode();
            ObjectNode open = result.putObject("open");
            for (Order o : engine.openOrders(pair.altname())) {
                Meta m = meta.get(o.clientOrderId());
                if (filter == null || filter.equals(m.clOrdId)) open.set(m.txid, orderJson(o, m));
            }
            return result;
        }
    }

    ObjectNode closedOrders(Map<String, String> p) {
        synchronized (engine) {
            String filter = p.get("cl_ord_id");
            ObjectNode result = JSON.objectNode();
            ObjectNode closed = result.putObject("closed");
            List<Order> done = engine.allOrders().stream().filter(o -> o.status().isTerminal()).toList();
            int count = 0;
            for (int i = done.size() - 1; i >= 0; i--) {
                Order o = done.get(i);
                Meta m = meta.get(o.clientOrderId());
                if (m == null || (filter != null && !filter.equals(m.clOrdId))) continue;
                count++;
                if (closed.size() < TRADES_PAGE) closed.set(m.txid, orderJson(o, m));
            }
            result.put("count", count);
            return result;
        }
    }

    ObjectNode queryOrders(Map<String, String> p) {
        String txids = p.get("txid");
        if (txids == null || txids.isBlank()) throw new VenueError("EGeneral:Invalid arguments:txid");
        synchronized (engine) {
            ObjectNode result = JSON.objectNode();
            for (String txid : txids.split(",")) {
                String engineId = engineIdByTxid.get(txid.strip());
                if (engineId == null) throw new VenueError("EOrder:Invalid order");
                result.set(txid.strip(), orderJson(engine.order(engineId).orElseThrow(), meta.get(engineId)));
            }
            return result;
        }
    }

    /** Newest first, 50 a page from {@code ofs}; {@code start} (exclusive, Unix seconds) filters. */
    ObjectNode tradesHistory(Map<String, String> p) {
        long startMillis = p.containsKey("start") ? (long) (decimal(p.get("start"), "start").doubleValue() * 1000) : Long.MIN_VALUE;
        int ofs = p.containsKey("ofs") ? decimal(p.get("ofs"), "ofs").intValue() : 0;
        synchronized (engine) {
            List<Trade> matching = trades.stream().filter(t -> t.millis > startMillis)
                    .sorted(Comparator.comparingLong(Trade::millis).thenComparingLong(Trade::tradeId).reversed()).toList();
            ObjectNode result = JSON.objectNode();
            ObjectNode out = result.putObject("trades");
            for (Trade t : matching.subList(Math.min(ofs, matching.size()), Math.min(ofs + TRADES_PAGE, matching.size()))) {
                ObjectNode n = out.putObject(t.txid);
                n.put("ordertxid", t.orderTxid);
                n.put("postxid", "TKH2SE-M7IF5-CFI7LT");
                n.put("pair", pair.key());
                n.put("time", seconds(t.millis));
                n.put("type", t.side == Side.BUY ? "buy" : "sell");
                n.put("ordertype", "limit");
                n.put("price", price(t.price));
                n.put("cost", money(t.cost));
                n.put("fee", money(t.fee));
                n.put("vol", t.volume.setScale(pair.lotDecimals(), RoundingMode.HALF_EVEN).toPlainString());
                n.put("margin", "0.00000");
                n.put("misc", "");
                n.put("trade_id", t.tradeId);
                n.put("maker", t.maker);
            }
            result.put("count", matching.size());
            return result;
        }
    }

    ObjectNode balanceEx() {
        synchronized (engine) {
            ObjectNode result = JSON.objectNode();
            for (Balance b : engine.balances()) {
                ObjectNode n = result.putObject(b.asset());
                n.put("balance", b.total().setScale(10, RoundingMode.HALF_EVEN).toPlainString());
                n.put("hold_trade", b.locked().setScale(10, RoundingMode.HALF_EVEN).toPlainString());
            }
            return result;
        }
    }

    /** The executions snapshot: every open order, as WebSocket v2 sends it on subscribe. */
    List<ObjectNode> openOrderSnapshot() {
        synchronized (engine) {
            List<ObjectNode> out = new ArrayList<>();
            for (Order o : engine.openOrders(pair.altname())) out.add(execution(o, meta.get(o.clientOrderId()), null, null));
            return out;
        }
    }

    // ---- engine events ----------------------------------------------------------------------------

    private void orderChanged(Order order) {
        long now = clock.millis();
        Meta m = meta.computeIfAbsent(order.clientOrderId(), id -> {
            Meta created = new Meta(txid('O'), placing, now, placingPost);
            engineIdByTxid.put(created.txid, id);
            return created;
        });
        String execType = switch (order.status()) {
            case NEW, PENDING_NEW -> "new";
            case CANCELED -> "canceled";
            case EXPIRED -> "expired";
            default -> null; // fills are reported with their trade
        };
        if (order.status().isTerminal()) m.closeMillis = now;
        if (execType != null) executions.accept(execution(order, m, execType, null));
    }

    private void filled(Fill fill) {
        long now = clock.millis();
        Meta m = meta.get(fill.clientOrderId());
        BigDecimal cost = fill.price().multiply(fill.quantity());
        Trade t = new Trade(txid('T'), nextTradeId++, m.txid, fill.side(), fill.price(), fill.quantity(), cost, fill.fee(), now, fill.maker());
        trades.add(t);
        m.cost = m.cost.add(cost);
        m.fee = m.fee.add(fill.fee());
        Order after = engine.order(fill.clientOrderId()).orElseThrow();
        if (after.status().isTerminal()) m.closeMillis = now;
        executions.accept(execution(after, m, "trade", t));
    }

    private ObjectNode execution(Order o, Meta m, String execType, Trade t) {
        ObjectNode e = JSON.objectNode();
        if (execType != null) e.put("exec_type", execType);
        e.put("order_id", m.txid);
        if (m.clOrdId != null) e.put("cl_ord_id", m.clOrdId);
        e.put("symbol", pair.wsSymbol());
        e.put("side", o.side() == Side.BUY ? "buy" : "sell");
        e.put("order_type", o.type() == OrderType.MARKET ? "market" : "limit");
        e.put("order_qty", o.quantity());
        o.limitPrice().ifPresent(lp -> e.put("limit_price", lp));
        e.put("time_in_force", o.timeInForce() == TimeInForce.IOC ? "IOC" : "GTC");
        e.put("post_only", m.post);
        e.put("order_status", switch (o.status()) {
            case NEW, PENDING_NEW, UNKNOWN -> "new";
            case PARTIALLY_FILLED -> "partially_filled";
            case FILLED -> "filled";
            case CANCELED, REJECTED -> "canceled";
            case EXPIRED -> "expired";
        });
        e.put("cum_qty", o.filledQuantity());
        e.put("cum_cost", m.cost);
        e.put("avg_price", o.averageFillPrice());
        e.put("fee_usd_equiv", m.fee);
        e.put("timestamp", Instant.ofEpochMilli(clock.millis()).toString());
        if (o.status() == OrderStatus.CANCELED) e.put("reason", "User requested");
        if (t != null) {
            e.put("exec_id", t.txid);
            e.put("trade_id", t.tradeId);
            e.put("last_qty", t.volume);
            e.put("last_price", t.price);
            e.put("liquidity_ind", t.maker ? "m" : "t");
            e.put("cost", t.cost);
            ObjectNode fee = e.putArray("fees").addObject();
            fee.put("asset", pair.wsSymbol().split("/")[1]);
            fee.put("qty", t.fee);
        }
        return e;
    }

    private ObjectNode orderJson(Order o, Meta m) {
        ObjectNode n = JSON.objectNode();
        n.putNull("refid");
        n.put("userref", 0);
        if (m.clOrdId != null) n.put("cl_ord_id", m.clOrdId);
        n.put("status", switch (o.status()) {
            case PENDING_NEW -> "pending";
            case NEW, PARTIALLY_FILLED, UNKNOWN -> "open";
            case FILLED -> "closed";
            case CANCELED, REJECTED -> "canceled";
            case EXPIRED -> "expired";
        });
        n.put("opentm", seconds(m.openMillis));
        n.put("starttm", 0);
        n.put("expiretm", 0);
        ObjectNode d = n.putObject("descr");
        d.put("pair", pair.altname());
        d.put("type", o.side() == Side.BUY ? "buy" : "sell");
        d.put("ordertype", o.type() == OrderType.MARKET ? "market" : "limit");
        d.put("price", o.limitPrice().map(this::price).orElse("0"));
        d.put("price2", "0");
        d.put("leverage", "none");
        d.put("order", (o.side() == Side.BUY ? "buy " : "sell ") + o.quantity().setScale(pair.lotDecimals(), RoundingMode.HALF_EVEN).toPlainString()
                + " " + pair.altname() + " @ " + o.limitPrice().map(lp -> "limit " + price(lp)).orElse("market"));
        d.put("close", "");
        n.put("vol", o.quantity().setScale(pair.lotDecimals(), RoundingMode.HALF_EVEN).toPlainString());
        n.put("vol_exec", o.filledQuantity().setScale(pair.lotDecimals(), RoundingMode.HALF_EVEN).toPlainString());
        n.put("cost", money(m.cost));
        n.put("fee", money(m.fee));
        n.put("price", o.filledQuantity().signum() == 0 ? "0.00000" : price(o.averageFillPrice().setScale(pair.tickSize().scale() + 3, RoundingMode.HALF_EVEN)));
        n.put("stopprice", "0.00000");
        n.put("limitprice", "0.00000");
        n.put("misc", "");
        n.put("oflags", m.post ? "fciq,post" : "fciq");
        n.put("timeinforce", o.timeInForce() == TimeInForce.IOC ? "IOC" : "GTC");
        if (o.status().isTerminal()) {
            n.put("closetm", seconds(m.closeMillis));
            o.reason().ifPresent(r -> n.put("reason", o.status() == OrderStatus.CANCELED ? "User requested" : r));
        }
        return n;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Optional<String> find(Map<String, String> p) {
        if (p.containsKey("cl_ord_id")) {
            String cl = p.get("cl_ord_id");
            return meta.entrySet().stream().filter(e -> cl.equals(e.getValue().clOrdId))
                    .filter(e -> engine.order(e.getKey()).map(o -> o.status().isOpen()).orElse(false))
                    .map(Map.Entry::getKey).findFirst();
        }
        if (p.containsKey("txid")) {
            return Optional.ofNullable(engineIdByTxid.get(p.get("txid")));
        }
        throw new VenueError("EGeneral:Invalid arguments:txid");
    }

    private String txid(char prefix) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder s = new StringBuilder().append(prefix);
        for (int i = 0; i < 16; i++) { // OL7LNO-R4SAD-6UINEU: the prefix is the first of six
            if (i == 5 || i == 10) s.append('-');
            s.append(alphabet.charAt(ids.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private String price(BigDecimal value) {
        int scale = Math.max(pair.tickSize().stripTrailingZeros().scale(), value.stripTrailingZeros().scale());
        return value.setScale(Math.max(1, scale), RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String money(BigDecimal value) {
        return value.setScale(5, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3);
    }

    private static String required(Map<String, String> p, String name, String error) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) throw new VenueError(error);
        return v;
    }

    private static BigDecimal decimal(String text, String name) {
        if (text == null || !text.matches("[0-9]{1,20}(\\.[0-9]{1,20})?")) throw new VenueError("EGeneral:Invalid arguments:" + name);
        return new BigDecimal(text);
    }

    List<Order> allOrders() {
        synchronized (engine) {
            return engine.allOrders();
        }
    }

    /** Client order ids ({@code cl_ord_id}) of every order accepted, in arrival order; orders without one are named by txid. */
    List<String> acceptedClientOrderIds() {
        synchronized (engine) {
            List<String> out = new ArrayList<>();
            for (Order o : engine.allOrders()) {
                Meta m = meta.get(o.clientOrderId());
                out.add(m.clOrdId != null ? m.clOrdId : m.txid);
            }
            return out;
        }
    }

    List<Balance> balances() {
        synchronized (engine) {
            return engine.balances();
        }
    }

    Map<String, BigDecimal> balanceTotals() {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        balances().forEach(b -> out.put(b.asset(), b.total()));
        return out;
    }
}
