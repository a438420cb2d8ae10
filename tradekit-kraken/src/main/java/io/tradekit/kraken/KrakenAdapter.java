package io.tradekit.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.core.net.AccountResync;
import io.tradekit.core.net.Backoff;
import io.tradekit.core.net.CallRateCounter;
import io.tradekit.core.net.ClosedBarFeed;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.OrderTracker;
import io.tradekit.core.net.RequestBudgets;
import io.tradekit.core.net.Retrier;
import io.tradekit.core.net.Sleeper;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;
import io.tradekit.kraken.internal.DeadMansSwitch;
import io.tradekit.kraken.internal.ExecutionStream;
import io.tradekit.kraken.internal.Form;
import io.tradekit.kraken.internal.KrakenCall;
import io.tradekit.kraken.internal.KrakenErrors.Operation;
import io.tradekit.kraken.internal.KrakenErrors;
import io.tradekit.kraken.internal.KrakenRestClient;
import io.tradekit.kraken.internal.MarketData;
import io.tradekit.kraken.internal.MarketStream;
import io.tradekit.kraken.internal.NonceSource;
import io.tradekit.kraken.internal.OrderMapping;
import io.tradekit.kraken.internal.Pair;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

/**
 * Kraken spot through its REST API and WebSocket v2.
 *
 * <pre>{@code
 * ExchangeAdapter kraken = new KrakenAdapter(KrakenConfig.production(Optional.of(credentials)));
 * kraken.connect(event -> inbox.add(event));
 * kraken.subscribeBars("XBTUSD", Timeframe.M1);
 * }</pre>
 *
 * A symbol is any of a pair's names (REST key {@code XXBTZUSD}, altname {@code XBTUSD}, WebSocket
 * {@code BTC/USD}); events carry the name the bot used. Balances and the instrument's assets use
 * Kraken's asset codes ({@code XXBT}, {@code ZUSD}). Orders go out under the bot's client order id as
 * {@code cl_ord_id}; a pair that is not {@code online} is not traded. With credentials, a dead man's
 * switch ({@code CancelAllOrdersAfter}) is kept armed while the adapter is connected. Methods block (the
 * engine calls them off its loop); failures are {@link ExchangeException}s from the Kraken error table.
 */
public final class KrakenAdapter implements ExchangeAdapter {

    private static final int MAX_OHLC_PAGES = 50;
    private static final int QUERY_BATCH = 50;

    private final KrakenConfig config;
    private final InstantSource clock = InstantSource.system();
    private final KrakenRestClient rest;
    private final StreamEvents poster = new StreamEvents();
    private final OrderTracker known = new OrderTracker();
    private final Map<String, Pair> pairs = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kraken-", 0).factory());
    private final MarketStream market;
    private final ExecutionStream executions;
    private final DeadMansSwitch deadMansSwitch;

    /**
     * Builds the REST client, the call counters, the streams and, with credentials and a non-zero
     * {@code cancelAfter}, the dead man's switch; opens no connection ({@link #connect} does). Adapters on the same
     * API key and tier in this JVM share the call counters.
     *
     * @param config where to connect and with which limits, e.g. {@link KrakenConfig#production(Optional)}
     * @throws io.tradekit.api.TradeKitException with credentials, when the nonce file's directory cannot be created
     */
    public KrakenAdapter(KrakenConfig config) {
        this.config = config;
        String apiKey = config.credentials().map(c -> c.apiKey()).orElse("");
        KrakenConfig.Tier tier = config.tier();
        // One point of headroom: Kraken drains the counter from when calls arrive, not from when we sent them,
        // so a full counter kept exactly at the maximum is refused whenever latency varies.
        CallRateCounter calls = RequestBudgets.shared().counter(KrakenErrors.VENUE, apiKey, "rest-" + tier,
                () -> new CallRateCounter(KrakenErrors.VENUE, "rest", tier.maximum() - 1, tier.decayPerSecond(), config.maxRateLimitWait(),
                        InstantSource.system(), Sleeper.THREAD));
        CallRateCounter trading = RequestBudgets.shared().counter(KrakenErrors.VENUE, apiKey, "trading-" + tier,
                () -> new CallRateCounter(KrakenErrors.VENUE, "trading", tier.tradingMaximum() - 1, tier.tradingDecayPerSecond(),
                        config.maxRateLimitWait(), InstantSource.system(), Sleeper.THREAD));
        NonceSource nonces = config.credentials().isPresent()
                ? new NonceSource(config.nonceFile().orElseGet(() -> defaultNonceFile(apiKey)), clock) : null;
        Retrier retrier = new Retrier(KrakenErrors.VENUE, 3, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 2.0, 0.5),
                Duration.ofSeconds(5), Sleeper.THREAD, RandomGenerator.getDefault());
        this.rest = new KrakenRestClient(config, new HttpTransport(KrakenErrors.VENUE, config.connectTimeout()), nonces, calls, trading, retrier);
        this.market = new MarketStream(config, poster, new ClosedBarFeed.Backfill() {
            @Override
            public List<Bar> closedBarsSince(String symbol, Timeframe timeframe, Instant from) {
                Instant now = serverTime();
                return from.isBefore(now) ? history(symbol, timeframe, from, now) : List.of();
            }

            @Override
            public List<Bar> recentClosed(String symbol, Timeframe timeframe) {
                List<Bar> recent = recentClosedBars(symbol, timeframe);
                return recent.subList(Math.max(0, recent.size() - MarketStream.RECENT_ON_FIRST_OPEN), recent.size());
            }
        }, background, clock, this::followedPair);
        this.executions = config.credentials().isPresent()
                ? new ExecutionStream(config, poster, this::webSocketsToken,
                        since -> AccountResync.since(this, known, ExecutionStream.SOURCE, since, clock.instant()), this::remember,
                        this::followedPair, background, clock)
                : null;
        this.deadMansSwitch = config.credentials().isPresent() && !config.cancelAfter().isZero()
                ? new DeadMansSwitch(config.cancelAfter(), this::cancelAllOrdersAfter, poster) : null;
    }

    /** {@code ~/.tradekit/kraken-nonce-<key fingerprint>}: one file per key, shared by every process on it. */
    static Path defaultNonceFile(String apiKey) {
        return Path.of(System.getProperty("user.home"), ".tradekit", "kraken-nonce-" + RequestBudgets.fingerprint(apiKey));
    }

    @Override
    public String venue() {
        return KrakenErrors.VENUE;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.MARKET_ORDERS, Capability.POST_ONLY, Capability.CANCEL_ALL);
    }

    /** Opens the market stream for what was asked so far and, with credentials, the executions stream and the dead man's switch. */
    @Override
    public void connect(EventSink eventSink) {
        poster.attach(eventSink);
        market.start();
        if (executions != null) executions.start();
        if (deadMansSwitch != null) deadMansSwitch.start();
    }

    /** The pair's filters, read afresh; refused with {@code VENUE_UNAVAILABLE} unless the pair is {@code online}. */
    @Override
    public Instrument instrument(String symbol) {
        Pair pair = loadPair(symbol);
        requireOnline(pair);
        return pair.instrument();
    }

    @Override
    public Instant serverTime() {
        JsonNode time = rest.call(KrakenCall.TIME, new Form(), Operation.OTHER, "GET /0/public/Time");
        return Instant.ofEpochSecond(VenueJson.integer(time, "unixtime"));
    }

    /**
     * Closed bars in {@code [from, to)}, paged with {@code since}. Kraken serves only the 720 most recent
     * rows of an interval, so older bars are not there to be had; the last row (still open) is left out.
     */
    @Override
    public List<Bar> history(String symbol, Timeframe timeframe, Instant from, Instant to) {
        int minutes = MarketData.minutes(timeframe);
        if (!from.isBefore(to)) {
            throw new InvalidInputException("kraken history " + symbol + ": from " + from + " is not before to " + to);
        }
        Pair pair = pair(symbol);
        long serverNow = serverTime().toEpochMilli();
        List<Bar> bars = new ArrayList<>();
        long since = from.getEpochSecond() - 1; // Kraken returns rows after `since`
        for (int page = 0; page < MAX_OHLC_PAGES; page++) {
            JsonNode result = rest.call(KrakenCall.OHLC, new Form().add("pair", pair.altname()).add("interval", minutes).add("since", since),
                    Operation.QUERY, "GET /0/public/OHLC (" + pair.altname() + " " + timeframe + ")");
            List<Bar> rows = MarketData.closedRows(result, pair.key(), symbol, timeframe);
            long lastOpen = Long.MIN_VALUE;
            for (Bar bar : rows) {
                lastOpen = Math.max(lastOpen, bar.openTime().getEpochSecond());
                boolean fresh = bars.isEmpty() || bar.openTime().isAfter(bars.getLast().openTime());
                if (fresh && !bar.openTime().isBefore(from) && !bar.closeTime().isAfter(to) && bar.closeTime().toEpochMilli() <= serverNow) {
                    bars.add(bar);
                }
            }
            long next = result.hasNonNull("last") ? VenueJson.integer(result, "last") : lastOpen;
            if (rows.isEmpty() || next <= since || lastOpen + minutes * 60L >= to.getEpochSecond()) {
                break;
            }
            since = next;
        }
        return bars;
    }

    /** The closed rows of the latest OHLC page (the open last row left out), oldest first. */
    private List<Bar> recentClosedBars(String symbol, Timeframe timeframe) {
        Pair pair = pair(symbol);
        long serverNow = serverTime().toEpochMilli();
        JsonNode result = rest.call(KrakenCall.OHLC, new Form().add("pair", pair.altname()).add("interval", MarketData.minutes(timeframe)),
                Operation.QUERY, "GET /0/public/OHLC (" + pair.altname() + " " + timeframe + ")");
        return MarketData.closedRows(result, pair.key(), symbol, timeframe).stream()
                .filter(b -> b.closeTime().toEpochMilli() <= serverNow).toList();
    }

    @Override
    public void subscribeBars(String symbol, Timeframe timeframe) {
        MarketData.minutes(timeframe);
        Pair pair = pair(symbol);
        known.symbol(symbol);
        market.subscribeBars(pair, timeframe);
    }

    @Override
    public void subscribeTicker(String symbol) {
        Pair pair = pair(symbol);
        known.symbol(symbol);
        market.subscribeTicker(pair);
    }

    /**
     * Sends {@code AddOrder} under the client order id as {@code cl_ord_id}. A timeout or 5xx throws
     * {@code UNKNOWN_OUTCOME}: the order may exist and must be looked up; it is never sent again here.
     * After {@code EAPI:Invalid nonce} (refused before processing) the order is looked up by its client
     * order id and sent once more, with a fresh nonce, only if Kraken does not have it.
     */
    @Override
    public OrderAck place(OrderRequest request) {
        OrderMapping.requireClientOrderId(request.clientOrderId());
        Pair pair = pair(request.symbol());
        requireOnline(pair);
        Form form = OrderMapping.addOrder(request, pair, false);
        String what = "POST /0/private/AddOrder (" + request.symbol() + " " + request.side() + " " + request.type()
                + ", client order id " + request.clientOrderId() + ")";
        known.sending(request.clientOrderId(), request.symbol());
        try {
            return send(request, form, what);
        } catch (ExchangeException e) {
            if (e.category() != ErrorCategory.UNKNOWN_OUTCOME && e.category() != ErrorCategory.TIMEOUT) {
                // refused: it is not open, so a resync after a reconnect need not look it up
                known.seen(request.clientOrderId(), null, request.symbol(), OrderStatus.REJECTED);
            }
            throw e;
        }
    }

    private OrderAck send(OrderRequest request, Form form, String what) {
        JsonNode result;
        try {
            result = rest.callNoNonceRetry(KrakenCall.ADD_ORDER, form, Operation.PLACE, what);
        } catch (ExchangeException e) {
            if (!KrakenErrors.isInvalidNonce(e)) throw e;
            rest.jumpNonce();
            Optional<Order> existing = lookup(request.symbol(), request.clientOrderId());
            if (existing.isPresent()) {
                Order o = existing.get();
                return new OrderAck(o.clientOrderId(), o.venueOrderId().orElseThrow(), o.status(), o.filledQuantity(), clock.instant(), List.of());
            }
            result = rest.callNoNonceRetry(KrakenCall.ADD_ORDER, form, Operation.PLACE, what + " after an invalid nonce");
        }
        JsonNode txids = result.get("txid");
        if (txids == null || !txids.isArray() || txids.isEmpty()) {
            throw new ExchangeException(KrakenErrors.VENUE, ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE, "",
                    "kraken " + what + ": answer has no txid: " + StreamEvents.truncate(result.toString(), 200), null, null);
        }
        String txid = txids.get(0).asText();
        known.seen(request.clientOrderId(), txid, request.symbol(), OrderStatus.NEW);
        return new OrderAck(request.clientOrderId(), txid, OrderStatus.NEW, BigDecimal.ZERO, clock.instant(), List.of());
    }

    /**
     * Checks an order with {@code AddOrder validate=true}: Kraken validates it and places nothing.
     *
     * @param request the order to check
     * @return Kraken's description of the order (e.g. {@code buy 0.01000000 XBTUSD @ limit 30000.0}); empty when
     *         the answer carries none
     * @throws ExchangeException when the pair is not {@code online} ({@code VENUE_UNAVAILABLE}), Kraken refuses the
     *         order, or the call fails
     */
    public String validate(OrderRequest request) {
        Pair pair = pair(request.symbol());
        requireOnline(pair);
        JsonNode result = rest.call(KrakenCall.ADD_ORDER, OrderMapping.addOrder(request, pair, true), Operation.PLACE,
                "POST /0/private/AddOrder validate (" + request.symbol() + ", client order id " + request.clientOrderId() + ")");
        return result.path("descr").path("order").asText("");
    }

    /** Cancels by {@code cl_ord_id}; an order already filled, cancelled or unknown throws {@code ORDER_NOT_FOUND}. */
    @Override
    public void cancel(String symbol, String clientOrderId) {
        OrderMapping.requireClientOrderId(clientOrderId);
        JsonNode result = rest.call(KrakenCall.CANCEL_ORDER, new Form().add("cl_ord_id", clientOrderId), Operation.CANCEL,
                "POST /0/private/CancelOrder (" + symbol + ", client order id " + clientOrderId + ")");
        if (result.path("count").asInt(0) == 0) {
            throw new ExchangeException(KrakenErrors.VENUE, ErrorCategory.ORDER_NOT_FOUND, RecoveryAction.RESYNC_STATE, KrakenErrors.UNKNOWN_ORDER,
                    "kraken CancelOrder (" + symbol + ", client order id " + clientOrderId + "): nothing was cancelled", null, null);
        }
    }

    /** Cancels the symbol's open orders one by one: Kraken's {@code CancelAll} would cancel every pair's. */
    @Override
    public int cancelAll(String symbol) {
        int count = 0;
        for (Order order : openOrders(symbol)) {
            try {
                JsonNode result = rest.call(KrakenCall.CANCEL_ORDER, new Form().add("txid", order.venueOrderId().orElseThrow()), Operation.CANCEL,
                        "POST /0/private/CancelOrder (" + symbol + ", txid " + order.venueOrderId().orElseThrow() + ")");
                count += result.path("count").asInt(0);
            } catch (ExchangeException e) {
                if (e.category() != ErrorCategory.ORDER_NOT_FOUND) throw e; // filled meanwhile
            }
        }
        return count;
    }

    /**
     * Kraken's {@code CancelAll}: every open order of the key, on every pair, not only this adapter's symbols.
     *
     * @return how many orders Kraken cancelled
     * @throws ExchangeException when the call fails
     */
    public int cancelEverything() {
        return rest.call(KrakenCall.CANCEL_ALL, new Form(), Operation.CANCEL, "POST /0/private/CancelAll").path("count").asInt(0);
    }

    private void cancelAllOrdersAfter(long seconds) {
        rest.call(KrakenCall.CANCEL_ALL_AFTER, new Form().add("timeout", seconds), Operation.OTHER,
                "POST /0/private/CancelAllOrdersAfter (" + seconds + " s)");
    }

    @Override
    public Optional<Order> lookup(String symbol, String clientOrderId) {
        OrderMapping.requireClientOrderId(clientOrderId);
        Pair pair = pair(symbol);
        Optional<String> txid = known.venueOrderId(clientOrderId);
        Optional<Order> found;
        if (txid.isPresent()) {
            JsonNode result = rest.call(KrakenCall.QUERY_ORDERS, new Form().add("txid", txid.get()), Operation.QUERY,
                    "POST /0/private/QueryOrders (" + symbol + ", txid " + txid.get() + ")");
            found = orders(result, pair).stream().findFirst();
        } else {
            JsonNode open = rest.call(KrakenCall.OPEN_ORDERS, new Form().add("cl_ord_id", clientOrderId), Operation.QUERY,
                    "POST /0/private/OpenOrders (" + symbol + ", client order id " + clientOrderId + ")");
            found = orders(open.path("open"), pair).stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst();
            if (found.isEmpty()) {
                JsonNode closed = rest.call(KrakenCall.CLOSED_ORDERS, new Form().add("cl_ord_id", clientOrderId), Operation.QUERY,
                        "POST /0/private/ClosedOrders (" + symbol + ", client order id " + clientOrderId + ")");
                found = orders(closed.path("closed"), pair).stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst();
            }
        }
        found.ifPresent(this::remember);
        return found;
    }

    @Override
    public List<Order> openOrders(String symbol) {
        Pair pair = pair(symbol);
        JsonNode result = rest.call(KrakenCall.OPEN_ORDERS, new Form(), Operation.QUERY, "POST /0/private/OpenOrders (" + symbol + ")");
        List<Order> orders = orders(result.path("open"), pair);
        orders.forEach(this::remember);
        return orders;
    }

    /** The orders of an {@code {txid: order}} object that belong to {@code pair}. */
    private List<Order> orders(JsonNode byTxid, Pair pair) {
        List<Order> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = byTxid.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String descrPair = e.getValue().path("descr").path("pair").asText("");
            if (pair.isCalled(descrPair)) {
                out.add(OrderMapping.order(e.getKey(), e.getValue(), pair.symbol()));
            }
        }
        out.sort(Comparator.comparing(Order::createdAt));
        return out;
    }

    /** The account's trades of the symbol from {@code since} on, oldest first; {@code TradesHistory} pages with {@code ofs}. */
    @Override
    public List<Fill> fills(String symbol, Instant since) {
        Pair pair = pair(symbol);
        List<Map.Entry<String, JsonNode>> trades = new ArrayList<>();
        int offset = 0;
        while (true) {
            JsonNode result = rest.call(KrakenCall.TRADES_HISTORY, new Form().add("start", since.getEpochSecond() - 1).add("ofs", offset),
                    Operation.QUERY, "POST /0/private/TradesHistory (" + symbol + ", ofs " + offset + ")");
            JsonNode page = result.path("trades");
            int size = page.size();
            page.fields().forEachRemaining(e -> {
                if (pair.isCalled(e.getValue().path("pair").asText("")) && !tradeTime(e.getValue()).isBefore(since)) trades.add(e);
            });
            offset += size;
            if (size == 0 || offset >= result.path("count").asInt(0)) break;
        }
        resolveClientOrderIds(trades.stream().map(e -> VenueJson.text(e.getValue(), "ordertxid")).distinct().toList(), pair);
        List<Fill> fills = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : trades) {
            String txid = VenueJson.text(e.getValue(), "ordertxid");
            String clientOrderId = known.clientOrderId(symbol, txid).orElse(txid);
            fills.add(OrderMapping.trade(e.getKey(), e.getValue(), clientOrderId, symbol, pair.instrument().quoteAsset()));
        }
        fills.sort(Comparator.comparing(Fill::time).thenComparing(Fill::fillId));
        return fills;
    }

    private static Instant tradeTime(JsonNode trade) {
        return Instant.ofEpochMilli(VenueJson.decimal(trade, "time").movePointRight(3).longValue());
    }

    /** TradesHistory names orders by txid only: the client order ids come from what was seen, or from QueryOrders in batches. */
    private void resolveClientOrderIds(List<String> txids, Pair pair) {
        List<String> missing = txids.stream().filter(t -> known.clientOrderId(pair.symbol(), t).isEmpty()).toList();
        for (int i = 0; i < missing.size(); i += QUERY_BATCH) {
            String batch = String.join(",", missing.subList(i, Math.min(missing.size(), i + QUERY_BATCH)));
            JsonNode result = rest.call(KrakenCall.QUERY_ORDERS, new Form().add("txid", batch), Operation.QUERY, "POST /0/private/QueryOrders");
            orders(result, pair).forEach(this::remember);
        }
    }

    @Override
    public List<Balance> balances() {
        JsonNode result = rest.call(KrakenCall.BALANCE_EX, new Form(), Operation.QUERY, "POST /0/private/BalanceEx");
        List<Balance> balances = new ArrayList<>();
        result.fields().forEachRemaining(e -> {
            BigDecimal total = VenueJson.decimal(e.getValue(), "balance");
            BigDecimal held = e.getValue().hasNonNull("hold_trade") ? VenueJson.decimal(e.getValue(), "hold_trade") : BigDecimal.ZERO;
            balances.add(new Balance(e.getKey(), total.subtract(held), held));
        });
        balances.sort(Comparator.comparing(Balance::asset));
        return balances;
    }

    @Override
    public void close() {
        if (deadMansSwitch != null) deadMansSwitch.close();
        market.close();
        if (executions != null) executions.close();
        background.shutdownNow();
    }

    private String webSocketsToken() {
        JsonNode result = rest.call(KrakenCall.WEBSOCKETS_TOKEN, new Form(), Operation.OTHER, "POST /0/private/GetWebSocketsToken");
        return VenueJson.text(result, "token");
    }

    /** The pair for a name the bot used, loaded once. */
    private Pair pair(String symbol) {
        Pair cached = pairs.get(symbol);
        return cached != null ? cached : loadPair(symbol);
    }

    private Pair loadPair(String symbol) {
        Form query = symbol.contains("/") ? new Form() : new Form().add("pair", symbol);
        JsonNode result = rest.call(KrakenCall.ASSET_PAIRS, query, Operation.QUERY, "GET /0/public/AssetPairs (" + symbol + ")");
        Pair pair = Pair.fromAssetPairs(result, symbol).orElseThrow(() -> new ExchangeException(KrakenErrors.VENUE, ErrorCategory.INVALID_INPUT,
                RecoveryAction.HALT, "EQuery:Unknown asset pair", "kraken: pair " + symbol + " is not listed", null, null));
        pairs.put(symbol, pair);
        known.symbol(symbol);
        return pair;
    }

    private static void requireOnline(Pair pair) {
        if (!pair.online()) {
            throw new ExchangeException(KrakenErrors.VENUE, ErrorCategory.VENUE_UNAVAILABLE, RecoveryAction.PAUSE, "",
                    "kraken: pair " + pair.symbol() + " is " + pair.status() + ", not online: not trading it", null, null);
        }
    }

    /** The followed pair that a stream's name (WebSocket symbol, altname, key or the bot's symbol) belongs to. */
    private Optional<Pair> followedPair(String name) {
        Pair direct = pairs.get(name);
        if (direct != null) return Optional.of(direct);
        return pairs.values().stream().filter(p -> p.isCalled(name)).findFirst();
    }

    private void remember(Order order) {
        known.seen(order.clientOrderId(), order.venueOrderId().orElse(null), order.symbol(), order.status());
    }

    private void remember(OrderMapping.Execution execution) {
        OrderUpdate u = execution.update();
        known.seen(u.clientOrderId(), execution.orderId(), u.symbol(), u.status());
    }

    /**
     * How many times each stream has connected, for diagnostics and tests.
     *
     * @return two counts: the market stream's and the executions stream's (0 without credentials)
     */
    public long[] openCounts() {
        return new long[] {market.openCount(), executions == null ? 0 : executions.openCount()};
    }

    @Override
    public String toString() {
        return "KrakenAdapter[" + config + "]";
    }
}
