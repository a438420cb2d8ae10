package io.tradekit.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.MarginAccount;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Position;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.bybit.internal.AccountExecutions;
import io.tradekit.bybit.internal.AccountMapping;
import io.tradekit.bybit.internal.BybitErrors;
import io.tradekit.bybit.internal.BybitRestClient;
import io.tradekit.bybit.internal.Endpoint;
import io.tradekit.bybit.internal.InstrumentMapping;
import io.tradekit.bybit.internal.Json;
import io.tradekit.bybit.internal.MarketMapping;
import io.tradekit.bybit.internal.OrderMapping;
import io.tradekit.bybit.internal.PositionMapping;
import io.tradekit.bybit.internal.PrivateStream;
import io.tradekit.bybit.internal.PublicStream;
import io.tradekit.bybit.internal.RequestText;
import io.tradekit.bybit.internal.RiskLimitMapping;
import io.tradekit.core.net.AccountResync;
import io.tradekit.core.net.Backoff;
import io.tradekit.core.net.ClosedBarFeed;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.OrderTracker;
import io.tradekit.core.net.RequestBudget;
import io.tradekit.core.net.RequestBudgets;
import io.tradekit.core.net.Retrier;
import io.tradekit.core.net.ServerClockOffset;
import io.tradekit.core.net.Sleeper;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Bybit v5 spot or linear (USDT perpetuals) through its REST API and its public and private WebSockets.
 *
 * <pre>{@code
 * ExchangeAdapter bybit = new BybitAdapter(BybitConfig.production(Optional.of(credentials)));
 * bybit.connect(event -> inbox.add(event));
 * bybit.subscribeBars("BTCUSDT", Timeframe.M1);
 * }</pre>
 *
 * Methods block (the engine calls them off its loop); failures are {@link ExchangeException}s whose
 * category and recovery come from Bybit's error table. Orders are named by {@code orderLinkId}, which is
 * the client order id. Streams post events to the sink given to {@link #connect}. Bots that share an API
 * key in one JVM share its request budget.
 *
 * <p>On {@code linear} an instrument is a {@link io.tradekit.api.InstrumentKind#LINEAR_PERPETUAL} whose margin
 * rules are the symbol's risk limit tiers ({@code /v5/market/risk-limit}); orders name the one-way position
 * ({@code positionIdx=0}, hedge mode is not supported) and may be reduce-only; {@link #position} reads
 * {@code /v5/position/list}, {@link #setLeverage} sets both sides' leverage; funding executions become
 * {@link io.tradekit.api.event.Event.FundingSettled} and Bybit's liquidations
 * {@link io.tradekit.api.event.Event.PositionLiquidated}, from the stream and from the REST catch-up after a
 * reconnect alike.
 */
public final class BybitAdapter implements ExchangeAdapter {

    private static final int KLINE_PAGE = 1000;
    private static final int ORDER_PAGE = 50;
    private static final int EXECUTION_PAGE = 100;
    private static final Duration EXECUTION_WINDOW = Duration.ofDays(7);
    /** How far past its estimate of the venue's time a read of executions reaches; see {@link #executions}. */
    private static final Duration CLOCK_ESTIMATE_MARGIN = Duration.ofSeconds(5);

    private final BybitConfig config;
    private final String category;
    private final InstantSource clock = InstantSource.system();
    private final BybitRestClient rest;
    private final StreamEvents events = new StreamEvents();
    private final OrderTracker known = new OrderTracker();
    private final Map<String, Instrument> instruments = new ConcurrentHashMap<>();
    private final Map<String, Position> streamedPositions = new ConcurrentHashMap<>();
    private final AccountExecutions executions = new AccountExecutions();
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("bybit-", 0).factory());
    private final PublicStream market;
    private final PrivateStream account;

    /**
     * Builds the REST client, the public and private streams and the request budget; opens no connection
     * ({@link #connect} does). Adapters on the same API key in this JVM share one request budget.
     *
     * @param config where to connect, which category to trade and with which limits, e.g. {@link BybitConfig#production(Optional)}
     */
    public BybitAdapter(BybitConfig config) {
        this.config = config;
        this.category = config.category().wire();
        String apiKey = config.credentials().map(c -> c.apiKey()).orElse("");
        RequestBudget budget = RequestBudgets.shared().budget(BybitErrors.VENUE, apiKey, "requests-1s",
                () -> RequestBudget.of(BybitErrors.VENUE, "requests-1s", config.requestLimit(), Duration.ofSeconds(1), config.maxRateLimitWait()));
        Retrier retrier = new Retrier(BybitErrors.VENUE, 3, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 2.0, 0.5),
                Duration.ofSeconds(5), Sleeper.THREAD, RandomGenerator.getDefault());
        this.rest = new BybitRestClient(config, new HttpTransport(BybitErrors.VENUE, config.connectTimeout()), budget, retrier,
                new ServerClockOffset(9), clock);
        this.market = new PublicStream(config, events, new ClosedBarFeed.Backfill() {
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
        this.account = config.credentials().isPresent()
                ? new PrivateStream(config, rest, events, this::accountSince,
                        u -> known.seen(u.clientOrderId(), u.venueOrderId().orElse(null), u.symbol(), u.status()), executions,
                        this::positionPushed, background, clock)
                : null;
    }

    @Override
    public String venue() {
        return BybitErrors.VENUE;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.MARKET_ORDERS, Capability.POST_ONLY, Capability.CANCEL_ALL);
    }

    /** Opens the public topics asked for so far and, with credentials, the private stream. */
    @Override
    public void connect(EventSink eventSink) {
        events.attach(eventSink);
        market.start();
        if (account != null) account.start();
    }

    /** The symbol's filters from {@code instruments-info}, following {@code nextPageCursor}; cached. */
    @Override
    public Instrument instrument(String symbol) {
        Instrument cached = instruments.get(symbol);
        if (cached != null) return cached;
        String cursor = null;
        String what = "GET /v5/market/instruments-info (" + category + " " + symbol + ")";
        while (true) {
            RequestText q = new RequestText().add("category", category).add("symbol", symbol);
            if (cursor != null) q.add("cursor", cursor);
            JsonNode page = rest.call(Endpoint.INSTRUMENTS, q, what);
            Optional<JsonNode> entry = read(what, () -> InstrumentMapping.entry(page, symbol));
            if (entry.isPresent()) {
                String status = InstrumentMapping.status(entry.get());
                if (!status.equals("Trading")) {
                    throw new ExchangeException(BybitErrors.VENUE, ErrorCategory.VENUE_UNAVAILABLE, RecoveryAction.PAUSE, "",
                            "bybit: symbol " + symbol + " is " + status + ", not Trading", null, null);
                }
                Instrument instrument = config.category().isDerivative()
                        ? linear(entry.get(), symbol)
                        : read(what, () -> InstrumentMapping.spot(entry.get()));
                known.symbol(symbol);
                instruments.put(symbol, instrument);
                return instrument;
            }
            Optional<String> next = InstrumentMapping.nextCursor(page);
            if (next.isEmpty() || next.get().equals(cursor)) {
                throw new ExchangeException(BybitErrors.VENUE, ErrorCategory.INVALID_ORDER, RecoveryAction.SKIP, "170121",
                        "bybit: symbol " + symbol + " is not listed in category " + category, null, null);
            }
            cursor = next.get();
        }
    }

    /** A linear entry with the symbol's risk limit tiers, following {@code nextPageCursor}. */
    private Instrument linear(JsonNode entry, String symbol) {
        String what = "GET /v5/market/risk-limit (" + symbol + ")";
        List<JsonNode> tiers = new ArrayList<>();
        String cursor = null;
        do {
            RequestText q = new RequestText().add("category", category).add("symbol", symbol);
            if (cursor != null) q.add("cursor", cursor);
            JsonNode page = rest.call(Endpoint.RISK_LIMIT, q, what);
            tiers.addAll(read(what, () -> RiskLimitMapping.entries(page, symbol)));
            String previous = cursor;
            cursor = InstrumentMapping.nextCursor(page).filter(c -> !c.equals(previous)).orElse(null);
        } while (cursor != null);
        return read(what, () -> InstrumentMapping.linear(entry, RiskLimitMapping.tiers(tiers), config.liquidationFeeRate()));
    }

    @Override
    public Instant serverTime() {
        JsonNode time = rest.call(Endpoint.TIME, new RequestText(), "GET /v5/market/time");
        return Instant.ofEpochMilli(read("GET /v5/market/time", () -> BybitRestClient.serverTime(time)));
    }

    /**
     * Closed bars in {@code [from, to)}, oldest first. Bybit answers the newest 1000 klines of a range,
     * newest first, so pages walk backwards from {@code to}; a bar still open at the venue is left out.
     */
    @Override
    public List<Bar> history(String symbol, Timeframe timeframe, Instant from, Instant to) {
        String interval = MarketMapping.interval(timeframe);
        if (!from.isBefore(to)) {
            throw new InvalidInputException("bybit history " + symbol + ": from " + from + " is not before to " + to);
        }
        long serverNow = rest.serverMillis();
        long end = to.toEpochMilli() - 1;
        String what = "GET /v5/market/kline (" + symbol + " " + interval + ")";
        Map<Instant, Bar> bars = new LinkedHashMap<>();
        while (end >= from.toEpochMilli()) {
            RequestText q = new RequestText().add("category", category).add("symbol", symbol).add("interval", interval)
                    .add("start", from.toEpochMilli()).add("end", end).add("limit", KLINE_PAGE);
            JsonNode result = rest.call(Endpoint.KLINE, q, what);
            List<Bar> page = read(what, () -> MarketMapping.klines(result, symbol, timeframe));
            for (Bar bar : page) {
                if (!bar.openTime().isBefore(from) && !bar.closeTime().isAfter(to) && bar.closeTime().toEpochMilli() <= serverNow) {
                    bars.put(bar.openTime(), bar);
                }
            }
            if (page.size() < KLINE_PAGE) break;
            end = page.getFirst().openTime().toEpochMilli() - 1;
        }
        return bars.values().stream().sorted(Comparator.comparing(Bar::openTime)).toList();
    }

    /** The last closed kline: the newest row is the one still open, and is left out. */
    private Optional<Bar> latestClosedBar(String symbol, Timeframe timeframe) {
        String interval = MarketMapping.interval(timeframe);
        long serverNow = rest.serverMillis();
        String what = "GET /v5/market/kline (" + symbol + " " + interval + ")";
        JsonNode result = rest.call(Endpoint.KLINE, new RequestText().add("category", category).add("symbol", symbol)
                .add("interval", interval).add("limit", 2), what);
        return read(what, () -> MarketMapping.klines(result, symbol, timeframe)).stream()
                .filter(b -> b.closeTime().toEpochMilli() <= serverNow).reduce((a, b) -> b);
    }

    @Override
    public void subscribeBars(String symbol, Timeframe timeframe) {
        known.symbol(symbol);
        market.subscribeKlines(symbol, timeframe);
    }

    @Override
    public void subscribeTicker(String symbol) {
        known.symbol(symbol);
        market.subscribeTicker(symbol);
    }

    /**
     * Sends a new order under its client order id ({@code orderLinkId}). Bybit acknowledges at once and
     * reports fills on the private stream. A timeout, 5xx or unreadable answer throws {@code
     * UNKNOWN_OUTCOME}: the order may exist and must be looked up; it is never sent again here.
     */
    @Override
    public OrderAck place(OrderRequest request) {
        String what = newOrder(request);
        return ack(request, what, rest.call(Endpoint.CREATE_ORDER, OrderMapping.create(category, config.category().isDerivative(), request), what));
    }

    /**
     * Sends a new order as {@link #place} does (the same {@code POST /v5/order/create}, the same unknown-outcome rules
     * and deadline) without blocking the calling thread: signed and handed to the HTTP client here, answered on the
     * client's thread. Empty when the order would have to wait (a spent rate-limit budget, a server clock not yet
     * sampled); {@link #place} then sends it.
     */
    @Override
    public Optional<CompletionStage<OrderAck>> placeWithoutBlocking(OrderRequest request) {
        String what = newOrder(request);
        return rest.callWithoutBlocking(Endpoint.CREATE_ORDER, OrderMapping.create(category, config.category().isDerivative(), request), what,
                background).map(answer -> answer.thenApply(result -> ack(request, what, result)));
    }

    /** Checks a new order's client order id and names its call; the order is known as being sent from here on. */
    private String newOrder(OrderRequest request) {
        requireClientOrderId(request.clientOrderId());
        known.sending(request.clientOrderId(), request.symbol());
        return "POST /v5/order/create (" + request.symbol() + " " + request.side() + " " + request.type() + ", orderLinkId "
                + request.clientOrderId() + ")";
    }

    /** The acknowledgement of a new order from the venue's {@code result}; an answer without an order id is an unknown outcome. */
    private OrderAck ack(OrderRequest request, String what, JsonNode result) {
        String orderId;
        try {
            orderId = VenueJson.text(result, "orderId");
        } catch (MalformedMessage e) {
            throw new ExchangeException(BybitErrors.VENUE, ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE, "",
                    "bybit " + what + ": answer is " + e.getMessage() + "; the order may exist, look it up", null, e);
        }
        known.seen(request.clientOrderId(), orderId, request.symbol(), OrderStatus.NEW);
        return new OrderAck(request.clientOrderId(), orderId, OrderStatus.NEW, BigDecimal.ZERO, clock.instant(), List.of());
    }

    /** Cancels by client order id; an order already filled, cancelled or unknown throws {@code ORDER_NOT_FOUND}. */
    @Override
    public void cancel(String symbol, String clientOrderId) {
        requireClientOrderId(clientOrderId);
        rest.call(Endpoint.CANCEL_ORDER, new RequestText().add("category", category).add("symbol", symbol).add("orderLinkId", clientOrderId),
                "POST /v5/order/cancel (" + symbol + ", orderLinkId " + clientOrderId + ")");
    }

    @Override
    public int cancelAll(String symbol) {
        String what = "POST /v5/order/cancel-all (" + symbol + ")";
        JsonNode result = rest.call(Endpoint.CANCEL_ALL, new RequestText().add("category", category).add("symbol", symbol), what);
        return read(what, () -> VenueJson.array(result, "list").size());
    }

    /** The order from the open list, or else from history; empty when Bybit knows neither. */
    @Override
    public Optional<Order> lookup(String symbol, String clientOrderId) {
        requireClientOrderId(clientOrderId);
        for (Endpoint endpoint : List.of(Endpoint.OPEN_ORDERS, Endpoint.ORDER_HISTORY)) {
            String what = endpoint + " (" + symbol + ", orderLinkId " + clientOrderId + ")";
            JsonNode result = rest.call(endpoint, new RequestText().add("category", category).add("symbol", symbol)
                    .add("orderLinkId", clientOrderId), what);
            List<Order> found = read(what, () -> orders(result));
            for (Order order : found) {
                if (order.clientOrderId().equals(clientOrderId)) {
                    known.seen(order);
                    return Optional.of(order);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Order> openOrders(String symbol) {
        List<Order> all = new ArrayList<>();
        String cursor = null;
        String what = "GET /v5/order/realtime (" + symbol + ")";
        do {
            RequestText q = new RequestText().add("category", category).add("symbol", symbol).add("openOnly", 0).add("limit", ORDER_PAGE);
            if (cursor != null) q.add("cursor", cursor);
            JsonNode result = rest.call(Endpoint.OPEN_ORDERS, q, what);
            for (Order o : read(what, () -> orders(result))) {
                if (o.status().isOpen()) {
                    known.seen(o);
                    all.add(o);
                }
            }
            String previous = cursor;
            cursor = InstrumentMapping.nextCursor(result).filter(c -> !c.equals(previous)).orElse(null);
        } while (cursor != null);
        return all;
    }

    /**
     * The account's trade executions of the symbol from {@code since} on, oldest first. Bybit allows at
     * most 7 days per request and pages by {@code nextPageCursor}.
     */
    @Override
    public List<Fill> fills(String symbol, Instant since) {
        Map<String, Fill> byId = new LinkedHashMap<>();
        for (JsonNode e : oldestFirst(executions(symbol, since))) {
            read(executionsCall(symbol), () -> OrderMapping.fill(e)).ifPresent(f -> byId.put(f.fillId(), f));
        }
        return List.copyOf(byId.values());
    }

    /**
     * The funding settlements of the account's linear position in {@code symbol} at or after {@code since}, oldest first:
     * its executions of type {@code Funding}, read as the private stream reads them (the same time, amount, rate, mark and
     * size). A restarted bot journals those it missed while it was down. Empty on spot, which has no funding.
     */
    @Override
    public List<io.tradekit.api.FundingPayment> fundingPayments(String symbol, Instant since) {
        if (!config.category().isDerivative()) return List.of();
        String what = executionsCall(symbol);
        List<io.tradekit.api.FundingPayment> out = new ArrayList<>();
        for (JsonNode e : oldestFirst(executions(symbol, since))) {
            if (OrderMapping.type(e).equals("Funding")) out.add(read(what, () -> OrderMapping.funding(e)));
        }
        return List.copyOf(out);
    }

    /**
     * Executions in the order they happened. Bybit lists each time window newest first, and executions of one
     * millisecond share their {@code execTime}: the list reversed and then sorted by time (a stable sort) keeps the
     * venue's own order among those, oldest first. (Their ids are random and say nothing of order.)
     */
    private static List<JsonNode> oldestFirst(List<JsonNode> listed) {
        List<JsonNode> out = new ArrayList<>(listed);
        java.util.Collections.reverse(out);
        out.sort(Comparator.comparingLong(e -> e.path("execTime").asLong()));
        return out;
    }

    /** How errors of the executions list name the call. */
    private static String executionsCall(String symbol) {
        return "GET /v5/execution/list (" + symbol + ")";
    }

    /**
     * Every execution of the symbol from {@code since} on, of any type, as Bybit lists them. The last window ends a
     * little after the venue's time as the kept clock offset estimates it: that estimate can lag the venue's clock by a
     * few milliseconds, and an execution stamped in between (one made just before this read) was left out.
     */
    private List<JsonNode> executions(String symbol, Instant since) {
        List<JsonNode> all = new ArrayList<>();
        long now = rest.serverMillis() + CLOCK_ESTIMATE_MARGIN.toMillis();
        String what = executionsCall(symbol);
        for (long start = since.toEpochMilli(); start <= now; start += EXECUTION_WINDOW.toMillis()) {
            long end = Math.min(now, start + EXECUTION_WINDOW.toMillis() - 1);
            String cursor = null;
            do {
                RequestText q = new RequestText().add("category", category).add("symbol", symbol).add("startTime", start)
                        .add("endTime", end).add("limit", EXECUTION_PAGE);
                if (cursor != null) q.add("cursor", cursor);
                JsonNode result = rest.call(Endpoint.EXECUTIONS, q, what);
                read(what, () -> VenueJson.array(result, "list")).forEach(all::add);
                String previous = cursor;
                cursor = InstrumentMapping.nextCursor(result).filter(c -> !c.equals(previous)).orElse(null);
            } while (cursor != null);
        }
        return all;
    }

    /**
     * The account over REST after the private stream reconnected: fills and order states ({@link AccountResync}),
     * then on linear the funding settlements and liquidations since {@code since} that the stream has not delivered.
     */
    private List<Event> accountSince(Instant since) {
        List<Event> out = new ArrayList<>(AccountResync.since(this, known, PrivateStream.SOURCE, since, clock.instant()));
        if (!config.category().isDerivative()) return out;
        for (String symbol : known.symbols()) {
            try {
                List<JsonNode> found = oldestFirst(executions(symbol, since));
                for (JsonNode e : found) {
                    if (!OrderMapping.type(e).equals("Trade")) read(executionsCall(symbol), () -> executions.event(e)).ifPresent(out::add);
                }
            } catch (RuntimeException e) {
                out.add(new Event.ErrorRaised(PrivateStream.SOURCE, e instanceof ExchangeException x ? x.category() : ErrorCategory.INTERNAL,
                        "funding resync of " + symbol + " after reconnect failed: " + e.getMessage(), "", clock.instant()));
            }
        }
        return out;
    }

    /**
     * The account's one-way position in a linear symbol from {@code /v5/position/list}; empty when flat, and
     * always on spot (whose holdings are balances).
     */
    @Override
    public Optional<Position> position(String symbol) {
        if (!config.category().isDerivative()) return Optional.empty();
        String what = "GET /v5/position/list (" + symbol + ")";
        JsonNode result = rest.call(Endpoint.POSITIONS, new RequestText().add("category", category).add("symbol", symbol), what);
        return read(what, () -> {
            for (JsonNode p : VenueJson.array(result, "list")) {
                if (symbol.equals(p.path("symbol").asText())) return PositionMapping.position(p);
            }
            return Optional.<Position>empty();
        });
    }

    /**
     * The position the private stream's {@code position} topic last pushed for {@code symbol}, without a REST call.
     *
     * @param symbol the linear symbol, e.g. {@code BTCUSDT}
     * @return the last pushed position; empty when it was flat or nothing was pushed yet
     */
    public Optional<Position> streamedPosition(String symbol) {
        return Optional.ofNullable(streamedPositions.get(symbol));
    }

    private void positionPushed(JsonNode entry) {
        String symbol = VenueJson.text(entry, "symbol");
        PositionMapping.position(entry).ifPresentOrElse(p -> streamedPositions.put(symbol, p), () -> streamedPositions.remove(symbol));
    }

    /**
     * Sets both sides' leverage of a linear symbol ({@code /v5/position/set-leverage}); Bybit's 110043
     * ("leverage not modified": it already is that value) is success.
     *
     * @throws ExchangeException on spot, which has no leverage, or when Bybit refuses the value
     */
    @Override
    public void setLeverage(String symbol, BigDecimal leverage) {
        if (!config.category().isDerivative()) {
            throw new ExchangeException(BybitErrors.VENUE, ErrorCategory.INVALID_ORDER, "NO_DERIVATIVES",
                    "bybit category " + category + " trades no derivatives: cannot set leverage on " + symbol + "; use category linear");
        }
        String value = VenueJson.plain(leverage);
        try {
            rest.call(Endpoint.SET_LEVERAGE, new RequestText().add("category", category).add("symbol", symbol).add("buyLeverage", value)
                    .add("sellLeverage", value), "POST /v5/position/set-leverage (" + symbol + " " + value + "x)");
        } catch (ExchangeException e) {
            if (!"110043".equals(e.venueCode())) throw e;
        }
    }

    /**
     * The unified account's margin figures in {@code asset} (e.g. USDT): wallet, unrealized PnL, position and
     * maintenance margin, available ({@code GET /v5/account/wallet-balance}, a blocking REST call).
     *
     * @param asset the coin, e.g. {@code USDT}
     * @return the figures; empty when the account holds no such coin
     * @throws ExchangeException when the call fails or Bybit refuses it
     */
    public Optional<MarginAccount> marginAccount(String asset) {
        String what = "GET /v5/account/wallet-balance (UNIFIED)";
        JsonNode result = rest.call(Endpoint.WALLET_BALANCE, new RequestText().add("accountType", "UNIFIED"), what);
        return read(what, () -> AccountMapping.marginAccount(result, asset));
    }

    @Override
    public List<Balance> balances() {
        String what = "GET /v5/account/wallet-balance (UNIFIED)";
        JsonNode result = rest.call(Endpoint.WALLET_BALANCE, new RequestText().add("accountType", "UNIFIED"), what);
        return read(what, () -> AccountMapping.balances(result));
    }

    @Override
    public void close() {
        market.close();
        if (account != null) account.close();
        background.shutdownNow();
    }

    private static List<Order> orders(JsonNode result) {
        List<Order> out = new ArrayList<>();
        for (JsonNode o : VenueJson.array(result, "list")) out.add(OrderMapping.order(o));
        return out;
    }

    /** Reads an answer; a shape Bybit does not document is an exchange error naming the call. */
    private static <T> T read(String what, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (MalformedMessage e) {
            throw new ExchangeException(BybitErrors.VENUE, ErrorCategory.MALFORMED_DATA, RecoveryAction.SKIP, "",
                    "bybit " + what + ": answer is malformed: " + e.getMessage(), null, e);
        }
    }

    private static void requireClientOrderId(String clientOrderId) {
        if (clientOrderId == null || !clientOrderId.matches(OrderRequest.CLIENT_ORDER_ID_PATTERN)) {
            throw new InvalidInputException("bybit: client order id '" + clientOrderId + "' does not match " + OrderRequest.CLIENT_ORDER_ID_PATTERN);
        }
    }

    @Override
    public String toString() {
        return "BybitAdapter[" + config + "]";
    }
}
