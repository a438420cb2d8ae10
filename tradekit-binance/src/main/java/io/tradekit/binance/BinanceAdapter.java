package io.tradekit.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.CancelReplaceResult;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.binance.internal.AccountMapping;
import io.tradekit.binance.internal.BinanceErrors.Operation;
import io.tradekit.binance.internal.BinanceErrors;
import io.tradekit.binance.internal.BinanceRestClient;
import io.tradekit.binance.internal.CancelReplaceMapping;
import io.tradekit.binance.internal.DepthMapping;
import io.tradekit.binance.internal.DepthStream;
import io.tradekit.binance.internal.Endpoint;
import io.tradekit.binance.internal.ExchangeInfoMapping;
import io.tradekit.binance.internal.MarketDataMapping;
import io.tradekit.binance.internal.MarketStream;
import io.tradekit.binance.internal.OrderCalls;
import io.tradekit.binance.internal.OrderMapping;
import io.tradekit.binance.internal.QueryString;
import io.tradekit.binance.internal.SymbolFilters;
import io.tradekit.binance.internal.UserStream;
import io.tradekit.binance.internal.WsApiClient;
import io.tradekit.core.net.AccountResync;
import io.tradekit.core.net.Backoff;
import io.tradekit.core.net.ClosedBarFeed;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.OrderTracker;
import io.tradekit.core.net.RequestBudget;
import io.tradekit.core.net.RequestBudgets;
import io.tradekit.core.net.Retrier;
import io.tradekit.core.net.ServerClockOffset;
import io.tradekit.core.net.Sleeper;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

/**
 * Binance spot through its REST API, market streams and WebSocket API.
 *
 * <pre>{@code
 * ExchangeAdapter binance = new BinanceAdapter(BinanceConfig.production(Optional.of(credentials)));
 * binance.connect(event -> inbox.add(event));
 * binance.subscribeBars("BTCUSDT", Timeframe.M1);
 * }</pre>
 *
 * With {@code orderChannel=websocket} orders are placed, cancelled and looked up over the WebSocket API
 * instead of REST (same answers, same unknown-outcome rules). Of the SPI's optional calls it has
 * all: {@link #amendQuantity} (keeping queue priority), {@link #placeMarketByQuote} (market orders by quote
 * amount) and {@link #cancelReplace}; beyond the SPI it offers {@link #validate} (the test-order endpoint).
 * {@link #subscribeOrderBook} keeps a local L2 book from the diff depth stream and REST snapshots.
 *
 * Methods block (the engine calls them off its loop); failures are {@link ExchangeException}s whose
 * category and recovery come from the Binance error table. Streams post events to the sink given to
 * {@link #connect}. Bots that share an API key in one JVM share its request-weight budget.
 */
public final class BinanceAdapter implements ExchangeAdapter {

    private static final int KLINE_PAGE = 1000;
    /** Compiled once: every order passes it on its way out. */
    private static final java.util.regex.Pattern CLIENT_ORDER_ID = java.util.regex.Pattern.compile(OrderRequest.CLIENT_ORDER_ID_PATTERN);
    private static final int TRADE_PAGE = 1000;

    private final BinanceConfig config;
    private final InstantSource clock = InstantSource.system();
    private final BinanceRestClient rest;
    private final StreamEvents sink = new StreamEvents();
    private final OrderTracker known = new OrderTracker();
    /** A symbol's filters as last read, and when (local epoch milliseconds). */
    private record Listing(Instrument instrument, SymbolFilters filters, Set<String> selfTradePrevention, long readAtMillis) {
    }

    private final Map<String, Listing> listings = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("binance-", 0).factory());
    private final MarketStream market;
    private final DepthStream depth;
    private final UserStream user;
    private final WsApiClient webSocketOrders;
    private final OrderCalls orderCalls;

    /**
     * Builds the REST client, the streams and their request budgets; opens no connection ({@link #connect} does).
     * Adapters on the same API key in this JVM share one request-weight and one order-rate budget.
     *
     * @param config where to connect and with which limits, e.g. {@link BinanceConfig#production(Optional)}
     */
    public BinanceAdapter(BinanceConfig config) {
        this.config = config;
        String apiKey = config.credentials().map(c -> c.apiKey()).orElse("");
        RequestBudget weight = RequestBudgets.shared().budget(BinanceErrors.VENUE, apiKey, "weight-1m",
                () -> RequestBudget.of(BinanceErrors.VENUE, "weight-1m", config.weightLimit(), Duration.ofMinutes(1), config.maxRateLimitWait()));
        RequestBudget orders = RequestBudgets.shared().budget(BinanceErrors.VENUE, apiKey, "orders-10s",
                () -> RequestBudget.of(BinanceErrors.VENUE, "orders-10s", config.orderLimit(), Duration.ofSeconds(10), config.maxRateLimitWait()));
        Retrier retrier = new Retrier(BinanceErrors.VENUE, 3, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 2.0, 0.5),
                Duration.ofSeconds(5), Sleeper.THREAD, RandomGenerator.getDefault());
        this.rest = new BinanceRestClient(config, new HttpTransport(BinanceErrors.VENUE, config.connectTimeout(), config.maxResponseBytes()), weight, orders,
                retrier, new ServerClockOffset(9), clock);
        this.market = new MarketStream(config, sink, new ClosedBarFeed.Backfill() {
            @Override
            public List<Bar> closedBarsSince(String symbol, Timeframe timeframe, Instant from) {
                Instant now = Instant.ofEpochMilli(rest.serverMillis());
                return from.isBefore(now) ? history(symbol, timeframe, from, now) : List.of();
            }

            @Override
            public List<Bar> recentClosed(String symbol, Timeframe timeframe) {
                return latestClosedBar(symbol, timeframe).stream().toList();
            }
        }, background, clock);
        this.depth = new DepthStream(config, sink, (symbol, limit) -> rest.call(Endpoint.DEPTH,
                new QueryString().add("symbol", symbol).add("limit", limit), Operation.QUERY, "GET /api/v3/depth (" + symbol + ")",
                DepthMapping::snapshot), background, clock, Sleeper.THREAD);
        this.webSocketOrders = config.orderChannel() == BinanceConfig.OrderChannel.WEBSOCKET && config.credentials().isPresent()
                ? new WsApiClient(config, rest, weight, orders, sink, background, clock)
                : null;
        this.orderCalls = new OrderCalls(rest, webSocketOrders, background);
        this.user = config.credentials().isPresent()
                ? new UserStream(config, rest, sink, since -> AccountResync.since(this, known, UserStream.SOURCE, since, clock.instant()),
                        this::remember, background, clock)
                : null;
    }

    @Override
    public String venue() {
        return BinanceErrors.VENUE;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.MARKET_ORDERS, Capability.POST_ONLY, Capability.CANCEL_ALL, Capability.AMEND_QUANTITY,
                Capability.MARKET_BY_QUOTE, Capability.CANCEL_REPLACE);
    }

    /** Opens the market streams asked for so far and, with credentials, the user data stream. */
    @Override
    public void connect(EventSink eventSink) {
        sink.attach(eventSink);
        market.start();
        depth.start();
        if (user != null) {
            user.start();
        }
        if (webSocketOrders != null) {
            webSocketOrders.start();
        }
    }

    /**
     * The symbol's filters, read from exchangeInfo and reused for {@code instrumentTtlMs}: Binance changes
     * filters and trading status while a bot runs, so they are read again once that time has passed.
     */
    @Override
    public Instrument instrument(String symbol) {
        return listing(symbol).instrument();
    }

    private Listing listing(String symbol) {
        Listing cached = listings.get(symbol);
        long now = clock.millis();
        if (cached != null && now - cached.readAtMillis() < config.instrumentTtl().toMillis()) {
            return cached;
        }
        String what = "GET /api/v3/exchangeInfo (" + symbol + ")";
        Optional<JsonNode> found = rest.call(Endpoint.EXCHANGE_INFO, new QueryString().add("symbol", symbol), Operation.QUERY, what,
                info -> ExchangeInfoMapping.symbolEntry(info, symbol));
        JsonNode entry = found.orElseThrow(() -> new ExchangeException(BinanceErrors.VENUE,
                ErrorCategory.INVALID_ORDER, RecoveryAction.SKIP, "-1121", "binance: symbol " + symbol + " is not listed", null, null));
        String status = rest.read(what, Operation.QUERY, entry, ExchangeInfoMapping::status);
        if (!status.equals("TRADING")) {
            listings.remove(symbol);
            throw new ExchangeException(BinanceErrors.VENUE, ErrorCategory.VENUE_UNAVAILABLE, RecoveryAction.PAUSE, "",
                    "binance: symbol " + symbol + " is " + status + ", not TRADING", null, null);
        }
        Listing listing = rest.read(what, Operation.QUERY, entry, e -> new Listing(ExchangeInfoMapping.instrument(e),
                ExchangeInfoMapping.filters(e), ExchangeInfoMapping.allowedSelfTradePrevention(e), now));
        config.selfTradePreventionMode().ifPresent(mode -> {
            if (!listing.selfTradePrevention().contains(mode.name())) {
                throw new InvalidInputException("binance: parameter 'selfTradePreventionMode' is " + mode + " but " + symbol
                        + " allows only " + listing.selfTradePrevention() + " (exchangeInfo allowedSelfTradePreventionModes)");
            }
        });
        known.symbol(symbol);
        listings.put(symbol, listing);
        return listing;
    }

    private void checkFilters(OrderRequest request) {
        Listing known = listings.get(request.symbol());
        if (known != null) {
            known.filters().check(request);
        }
    }

    /**
     * The configured self-trade-prevention mode, checked against the symbol's allowed modes as last read
     * by {@link #instrument}: a mode the symbol does not allow is refused here, before anything is sent.
     */
    private Optional<BinanceConfig.SelfTradePrevention> selfTradePrevention(String symbol) {
        Optional<BinanceConfig.SelfTradePrevention> mode = config.selfTradePreventionMode();
        Listing known = listings.get(symbol);
        if (mode.isPresent() && known != null && !known.selfTradePrevention().contains(mode.get().name())) {
            throw new io.tradekit.api.OrderRejectedException("STP_MODE", "binance " + symbol + ": self-trade-prevention mode " + mode.get()
                    + " is not allowed; the symbol allows " + known.selfTradePrevention());
        }
        return mode;
    }

    @Override
    public Instant serverTime() {
        return Instant.ofEpochMilli(rest.call(Endpoint.TIME, new QueryString(), Operation.OTHER, "GET /api/v3/time",
                time -> VenueJson.integer(time, "serverTime")));
    }

    /** Closed bars in {@code [from, to)}, fetched 1000 klines per request; a bar still open at the venue is left out. */
    @Override
    public List<Bar> history(String symbol, Timeframe timeframe, Instant from, Instant to) {
        String interval = MarketDataMapping.interval(timeframe);
        if (!from.isBefore(to)) {
            throw new InvalidInputException("binance history " + symbol + ": from " + from + " is not before to " + to);
        }
        long serverNow = rest.serverMillis();
        long step = timeframe.millis();
        long start = from.toEpochMilli();
        long end = to.toEpochMilli() - 1;
        List<Bar> bars = new ArrayList<>();
        while (start <= end) {
            QueryString q = new QueryString().add("symbol", symbol).add("interval", interval)
                    .add("startTime", start).add("endTime", end).add("limit", KLINE_PAGE);
            List<Bar> page = rest.call(Endpoint.KLINES, q, Operation.QUERY, "GET /api/v3/klines (" + symbol + " " + interval + ")",
                    rows -> MarketDataMapping.klines(rows, symbol, timeframe));
            for (Bar bar : page) {
                if (!bar.openTime().isBefore(from) && !bar.closeTime().isAfter(to) && bar.closeTime().toEpochMilli() <= serverNow) {
                    bars.add(bar);
                }
            }
            if (page.size() < KLINE_PAGE) {
                break;
            }
            start = page.getLast().openTime().toEpochMilli() + step;
        }
        return bars;
    }

    /** The last closed kline: Binance's most recent rows end with the one still open, which is left out. */
    private Optional<Bar> latestClosedBar(String symbol, Timeframe timeframe) {
        String interval = MarketDataMapping.interval(timeframe);
        long serverNow = rest.serverMillis();
        List<Bar> rows = rest.call(Endpoint.KLINES, new QueryString().add("symbol", symbol).add("interval", interval).add("limit", 2),
                Operation.QUERY, "GET /api/v3/klines (" + symbol + " " + interval + ")", r -> MarketDataMapping.klines(r, symbol, timeframe));
        return rows.stream().filter(b -> b.closeTime().toEpochMilli() <= serverNow).reduce((a, b) -> b);
    }

    @Override
    public void subscribeBars(String symbol, Timeframe timeframe) {
        known.symbol(symbol);
        market.subscribeKlines(symbol, timeframe);
    }

    @Override
    public void subscribeTicker(String symbol) {
        known.symbol(symbol);
        market.subscribeBookTicker(symbol);
    }

    /**
     * Follows the symbol's order book from the diff depth stream and {@code GET /api/v3/depth} snapshots, as
     * Binance documents it (see {@link DepthStream}); every change comes as an {@code OrderBookUpdated} event.
     */
    @Override
    public void subscribeOrderBook(String symbol) {
        depth.subscribe(symbol);
    }

    /**
     * Sends a new order under its client order id, after checking it against the symbol's filters as last
     * read by {@link #instrument} (a broken filter throws {@link io.tradekit.api.OrderRejectedException}
     * naming it, and nothing is sent; placing never adds a request of its own to read them). A timeout,
     * a 5xx or an unreadable answer throws {@code UNKNOWN_OUTCOME}: the order may exist and must be
     * looked up; it is never sent again here.
     */
    @Override
    public OrderAck place(OrderRequest request) {
        QueryString params = newOrder(request);
        return seen(request, orderCalls.call(Endpoint.NEW_ORDER, params, Operation.PLACE, details(request), OrderMapping::ack));
    }

    /**
     * Sends a new order as {@link #place} does (the same checks, the same {@code POST /api/v3/order} or
     * {@code order.place} request, the same unknown-outcome rules and deadline) without blocking the calling thread:
     * signed and handed to the connection here, answered on the connection's thread. Empty when the order would have
     * to wait (no open WebSocket API connection, a spent rate-limit budget, a server clock not yet sampled); {@link #place}
     * then sends it.
     */
    @Override
    public Optional<CompletionStage<OrderAck>> placeWithoutBlocking(OrderRequest request) {
        QueryString params = newOrder(request);
        return orderCalls.callWithoutBlocking(Endpoint.NEW_ORDER, params, Operation.PLACE, details(request), OrderMapping::ack)
                .map(answer -> answer.thenApply(ack -> seen(request, ack)));
    }

    /** A new order's checks (client order id, filters) and parameters; the order is known as being sent from here on. */
    private QueryString newOrder(OrderRequest request) {
        requireClientOrderId(request.clientOrderId());
        checkFilters(request);
        QueryString params = OrderMapping.newOrder(request, config.orderResponse(), selfTradePrevention(request.symbol()));
        known.sending(request.clientOrderId(), request.symbol());
        return params;
    }

    private static String details(OrderRequest request) {
        return request.symbol() + " " + request.side() + " " + request.type() + ", client order id " + request.clientOrderId();
    }

    private OrderAck seen(OrderRequest request, OrderAck ack) {
        known.seen(ack.clientOrderId(), ack.venueOrderId(), request.symbol(), ack.status());
        return ack;
    }

    /**
     * A MARKET order for an amount of the quote asset ({@code quoteOrderQty}): a BUY spends about
     * {@code quoteAmount} (e.g. 100 USDT of BTC), a SELL sells as much as brings it in. Binance picks the
     * base quantity, within LOT_SIZE. Sent like {@link #place}, with the same unknown-outcome rules; the
     * acknowledgement tells the quantity executed.
     */
    @Override
    public OrderAck placeMarketByQuote(String clientOrderId, String symbol, io.tradekit.api.Side side, java.math.BigDecimal quoteAmount) {
        requireClientOrderId(clientOrderId);
        if (quoteAmount == null || quoteAmount.signum() <= 0) {
            throw new InvalidInputException("binance " + symbol + ": quote amount must be positive, got " + quoteAmount);
        }
        QueryString params = OrderMapping.marketByQuote(clientOrderId, symbol, side, quoteAmount, config.orderResponse(),
                selfTradePrevention(symbol));
        known.sending(clientOrderId, symbol);
        OrderAck ack = orderCalls.call(Endpoint.NEW_ORDER, params, Operation.PLACE, symbol + " " + side + " MARKET for "
                + quoteAmount.toPlainString() + " quote, client order id " + clientOrderId, OrderMapping::ack);
        known.seen(ack.clientOrderId(), ack.venueOrderId(), symbol, ack.status());
        return ack;
    }

    /**
     * Cancels the open order {@code cancelClientOrderId} and places {@code replacement} in one request
     * ({@code POST /api/v3/order/cancelReplace}, {@code cancelReplaceMode=STOP_ON_FAILURE}: no new order
     * when the cancel fails). Binance's partial failures (HTTP 409, -2021: cancelled but the new order was
     * refused) and failures (-2022) come back as a {@link CancelReplaceResult} saying which half did what;
     * other refusals throw. A timeout or 5xx throws {@code UNKNOWN_OUTCOME}: both orders must be looked up,
     * nothing is sent again. Always over REST.
     */
    @Override
    public CancelReplaceResult cancelReplace(String cancelClientOrderId, OrderRequest replacement) {
        requireClientOrderId(cancelClientOrderId);
        requireClientOrderId(replacement.clientOrderId());
        checkFilters(replacement);
        QueryString params = OrderMapping.orderFields(replacement).add("cancelReplaceMode", "STOP_ON_FAILURE")
                .add("cancelOrigClientOrderId", cancelClientOrderId).add("newClientOrderId", replacement.clientOrderId())
                .add("newOrderRespType", config.orderResponse().name());
        selfTradePrevention(replacement.symbol()).ifPresent(mode -> params.add("selfTradePreventionMode", mode.name()));
        String what = "POST /api/v3/order/cancelReplace (" + replacement.symbol() + ", cancel " + cancelClientOrderId + ", new "
                + replacement.clientOrderId() + ")";
        known.sending(replacement.clientOrderId(), replacement.symbol());
        JsonNode answer = rest.callKeepingErrorData(Endpoint.CANCEL_REPLACE, params, Operation.PLACE, what);
        CancelReplaceResult result = rest.read(what, Operation.PLACE, answer, a -> CancelReplaceMapping.result(a, what));
        result.canceled().ifPresent(this::remember);
        result.placed().ifPresent(ack -> known.seen(ack.clientOrderId(), ack.venueOrderId(), replacement.symbol(), ack.status()));
        return result;
    }

    /**
     * Lowers an open order's quantity keeping its queue priority ({@code PUT /api/v3/order/amend/keepPriority},
     * or {@code order.amend.keepPriority} over the WebSocket API): the order keeps its client order id (sent
     * as {@code newClientOrderId}) and its Binance id. Binance refuses anything but a decrease (-2038). A
     * timeout, a 5xx or an unreadable answer throws {@code UNKNOWN_OUTCOME}: look the order up, its
     * quantity tells whether the amend took effect; it is never sent again here.
     */
    @Override
    public Order amendQuantity(String symbol, String clientOrderId, java.math.BigDecimal newQuantity) {
        requireClientOrderId(clientOrderId);
        if (newQuantity == null || newQuantity.signum() <= 0) {
            throw new InvalidInputException("binance " + symbol + ": new quantity of " + clientOrderId + " must be positive, got " + newQuantity);
        }
        QueryString params = new QueryString().add("symbol", symbol).add("origClientOrderId", clientOrderId)
                .add("newClientOrderId", clientOrderId).add("newQty", VenueJson.plain(newQuantity));
        Order amended = orderCalls.call(Endpoint.AMEND_KEEP_PRIORITY, params, Operation.AMEND, symbol + ", client order id "
                + clientOrderId + ", new quantity " + newQuantity.toPlainString(), OrderMapping::amendedOrder);
        remember(amended);
        return amended;
    }

    /**
     * Asks Binance to validate {@code request} without placing it ({@code POST /api/v3/order/test}): a dry
     * run of parameters, filters and permissions. Returns normally when the order would be accepted;
     * a refusal throws the same {@link ExchangeException} a real order would meet.
     *
     * @param request the order to check, with a client order id that meets {@link OrderRequest#CLIENT_ORDER_ID_PATTERN}
     * @throws InvalidInputException when the client order id is malformed (checked before any call)
     * @throws io.tradekit.api.OrderRejectedException when the symbol's filters, as last read by {@link #instrument},
     *         refuse the order (checked before any call), or the configured self-trade-prevention mode is not allowed
     * @throws ExchangeException when Binance refuses the order or the call fails
     */
    public void validate(OrderRequest request) {
        requireClientOrderId(request.clientOrderId());
        checkFilters(request);
        rest.call(Endpoint.TEST_ORDER, OrderMapping.newOrder(request, config.orderResponse(), selfTradePrevention(request.symbol())), Operation.PLACE,
                "POST /api/v3/order/test (" + request.symbol() + " " + request.side() + " " + request.type() + ", client order id "
                        + request.clientOrderId() + ")", answer -> VenueJson.requireObject(answer, "test order answer"));
    }

    /** Cancels by client order id; an order already filled, cancelled or unknown throws {@code ORDER_NOT_FOUND}. */
    @Override
    public void cancel(String symbol, String clientOrderId) {
        requireClientOrderId(clientOrderId);
        remember(orderCalls.call(Endpoint.CANCEL_ORDER, new QueryString().add("symbol", symbol).add("origClientOrderId", clientOrderId),
                Operation.CANCEL, symbol + ", client order id " + clientOrderId, OrderMapping::order));
    }

    /**
     * Cancels every open order of the symbol and returns how many. An answer that is not the documented
     * list of cancelled orders (and order lists) is an error naming the call, never a count of 0.
     */
    @Override
    public int cancelAll(String symbol) {
        List<Order> cancelled;
        int inLists;
        String what = orderCalls.name(Endpoint.CANCEL_OPEN_ORDERS) + " (" + symbol + ")";
        JsonNode answer;
        try {
            answer = orderCalls.call(Endpoint.CANCEL_OPEN_ORDERS, new QueryString().add("symbol", symbol), Operation.CANCEL, what);
        } catch (ExchangeException e) {
            if (BinanceErrors.isOrderGone(e)) {
                return 0; // Binance answers -2011 when there was nothing to cancel
            }
            throw e;
        }
        cancelled = new ArrayList<>();
        inLists = rest.read(what, Operation.CANCEL, answer, a -> {
            int reports = 0;
            for (JsonNode entry : VenueJson.requireArray(a, "the answer")) {
                if (entry.has("orderReports")) {
                    reports += VenueJson.array(entry, "orderReports").size();
                } else {
                    cancelled.add(OrderMapping.order(entry));
                }
            }
            return reports;
        });
        cancelled.forEach(this::remember);
        return cancelled.size() + inLists;
    }

    @Override
    public Optional<Order> lookup(String symbol, String clientOrderId) {
        requireClientOrderId(clientOrderId);
        try {
            Order order = orderCalls.call(Endpoint.QUERY_ORDER,
                    new QueryString().add("symbol", symbol).add("origClientOrderId", clientOrderId), Operation.QUERY,
                    symbol + ", client order id " + clientOrderId, OrderMapping::order);
            remember(order);
            return Optional.of(order);
        } catch (ExchangeException e) {
            if (BinanceErrors.isOrderGone(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<Order> openOrders(String symbol) {
        List<Order> orders = rest.call(Endpoint.OPEN_ORDERS, new QueryString().add("symbol", symbol), Operation.QUERY,
                "GET /api/v3/openOrders (" + symbol + ")", answer -> {
                    List<Order> read = new ArrayList<>();
                    for (JsonNode entry : VenueJson.requireArray(answer, "the answer")) read.add(OrderMapping.order(entry));
                    return read;
                });
        orders.forEach(this::remember);
        return orders;
    }

    /** The account's trades of the symbol from {@code since} on, oldest first, paged by trade id. */
    @Override
    public List<Fill> fills(String symbol, Instant since) {
        List<Fill> fills = new ArrayList<>();
        QueryString q = new QueryString().add("symbol", symbol).add("startTime", since.toEpochMilli()).add("limit", TRADE_PAGE);
        String what = "GET /api/v3/myTrades (" + symbol + ")";
        while (true) {
            JsonNode page = rest.call(Endpoint.MY_TRADES, q, Operation.QUERY, what, answer -> VenueJson.requireArray(answer, "the answer"));
            long lastId = -1;
            for (JsonNode trade : page) {
                String orderId = rest.read(what, Operation.QUERY, trade, t -> VenueJson.text(t, "orderId"));
                String clientOrderId = clientOrderIdOf(symbol, orderId);
                fills.add(rest.read(what, Operation.QUERY, trade, t -> AccountMapping.trade(t, clientOrderId)));
                lastId = rest.read(what, Operation.QUERY, trade, t -> VenueJson.integer(t, "id"));
            }
            if (page.size() < TRADE_PAGE) {
                return fills;
            }
            q = new QueryString().add("symbol", symbol).add("fromId", lastId + 1).add("limit", TRADE_PAGE);
        }
    }

    @Override
    public List<Balance> balances() {
        return rest.call(Endpoint.ACCOUNT, new QueryString(), Operation.QUERY, "GET /api/v3/account", AccountMapping::balances);
    }

    @Override
    public void close() {
        market.close();
        depth.close();
        if (user != null) {
            user.close();
        }
        if (webSocketOrders != null) {
            webSocketOrders.close();
        }
        background.shutdownNow();
    }

    /** myTrades names orders by Binance id only; the client order id comes from what was seen, or one order query. */
    private String clientOrderIdOf(String symbol, String orderId) {
        Optional<String> seen = known.clientOrderId(symbol, orderId);
        if (seen.isPresent()) {
            return seen.get();
        }
        Order order = rest.call(Endpoint.QUERY_ORDER, new QueryString().add("symbol", symbol).add("orderId", orderId),
                Operation.QUERY, "GET /api/v3/order (" + symbol + ", order id " + orderId + ")", OrderMapping::order);
        remember(order);
        return order.clientOrderId();
    }

    private void remember(Order order) {
        known.seen(order.clientOrderId(), order.venueOrderId().orElse(null), order.symbol(), order.status());
    }

    private void remember(OrderMapping.ExecutionReport report) {
        OrderUpdate u = report.update();
        known.seen(u.clientOrderId(), report.orderId(), u.symbol(), u.status());
    }

    private static void requireClientOrderId(String clientOrderId) {
        if (clientOrderId == null || !CLIENT_ORDER_ID.matcher(clientOrderId).matches()) {
            throw new InvalidInputException("binance: client order id '" + clientOrderId + "' does not match "
                    + OrderRequest.CLIENT_ORDER_ID_PATTERN);
        }
    }

    @Override
    public String toString() {
        return "BinanceAdapter[" + config + "]";
    }
}
