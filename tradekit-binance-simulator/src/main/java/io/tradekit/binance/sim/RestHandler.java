package io.tradekit.binance.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's REST API: the same paths, parameters, headers, error codes and messages as Binance
 * spot. Parameters may come in the query string or a form body (the query string wins); SIGNED
 * endpoints go through the {@link Gatekeeper}; every request is charged its weight, reported in
 * {@code X-MBX-USED-WEIGHT-1M}, and refused with 429 and {@code Retry-After} past the limit.
 */
final class RestHandler implements HttpHandler {

    private final SimulatedVenue venue;
    private final DepthBook depth;
    private final Gatekeeper gatekeeper;
    private final Faults faults;
    private final InstantSource clock;
    private final long weightLimit;
    private final long orderLimit;
    private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> errorCounts = new ConcurrentHashMap<>();

    private long weightWindow;
    private long weightUsed;
    private long orderWindow;
    private long ordersInWindow;
    private long dayWindow;
    private long ordersInDay;

    RestHandler(SimulatedVenue venue, DepthBook depth, Gatekeeper gatekeeper, Faults faults, InstantSource clock, long weightLimit, long orderLimit) {
        this.venue = venue;
        this.depth = depth;
        this.gatekeeper = gatekeeper;
        this.faults = faults;
        this.clock = clock;
        this.weightLimit = weightLimit;
        this.orderLimit = orderLimit;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            faults.delay();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requestCounts.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
            String rawQuery = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            java.util.Optional<Faults.CannedAnswer> canned = faults.takeCanned(method, path);
            if (canned.isPresent()) {
                // what a firewall or a broken proxy in front of the venue answers: the venue never saw the request
                byte[] bytes = canned.get().body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", canned.get().contentType());
                exchange.sendResponseHeaders(canned.get().status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) exchange.getResponseBody().write(bytes);
                return;
            }
            Route endpoint = Route.of(method, path).orElse(null);
            if (endpoint == null) {
                respond(exchange, 404, "{\"code\":-1020,\"msg\":\"This operation is not supported.\"}", weightUsedNow());
                return;
            }
            Map<String, String> params = new LinkedHashMap<>(FormParams.parse(body));
            params.putAll(FormParams.parse(rawQuery)); // the query string wins
            long used;
            try {
                used = chargeWeight(endpoint, params);
            } catch (VenueError limited) {
                count(limited.code);
                exchange.getResponseHeaders().add("Retry-After", Long.toString(limited.retryAfterSeconds));
                respond(exchange, limited.status, limited.json(), weightUsedNow());
                return;
            }
            try {
                if (endpoint.signed) {
                    gatekeeper.checkApiKey(exchange.getRequestHeaders().getFirst("X-MBX-APIKEY"));
                    gatekeeper.checkSigned(withoutSignature(rawQuery) + withoutSignature(body), params);
                }
                if (endpoint == Route.NEW_ORDER) {
                    placeOrder(exchange, params, used);
                    return;
                }
                if (endpoint == Route.CANCEL_REPLACE) {
                    chargeOrder();
                    VenueError.Answer answer = venue.cancelReplace(params);
                    respond(exchange, answer.status(), answer.json(), used);
                    return;
                }
                respond(exchange, 200, answer(endpoint, params), used);
            } catch (VenueError e) {
                count(e.code);
                respond(exchange, e.status, e.json(), used);
            }
        }
    }

    private void placeOrder(HttpExchange exchange, Map<String, String> params, long used) throws IOException {
        long[] counts = chargeOrder();
        Faults.OrderFault fault = faults.nextOrderFault();
        if (fault == Faults.OrderFault.FAIL_BEFORE_ACCEPTING) {
            count(-1001);
            respond(exchange, 500, new VenueError(500, -1001, VenueMessages.INTERNAL_ERROR).json(), used);
            return;
        }
        String answer = venue.newOrder(params);
        exchange.getResponseHeaders().add("X-MBX-ORDER-COUNT-10S", Long.toString(counts[0]));
        exchange.getResponseHeaders().add("X-MBX-ORDER-COUNT-1D", Long.toString(counts[1]));
        if (fault == Faults.OrderFault.FAIL_AFTER_ACCEPTING) {
            count(-1001);
            respond(exchange, 500, new VenueError(500, -1001, VenueMessages.INTERNAL_ERROR).json(), used);
            return;
        }
        respond(exchange, 200, answer, used);
    }

    private String answer(Route endpoint, Map<String, String> p) {
        return switch (endpoint) {
            case TIME -> "{\"serverTime\":" + clock.millis() + "}";
            case EXCHANGE_INFO -> exchangeInfo(p);
            case KLINES -> {
                faults.klineRead();
                yield venue.klines(p);
            }
            case DEPTH -> depth.snapshot(p);
            case QUERY_ORDER -> venue.queryOrder(p);
            case CANCEL_ORDER -> venue.cancelOrder(p);
            case CANCEL_OPEN_ORDERS -> venue.cancelOpenOrders(p);
            case OPEN_ORDERS -> venue.openOrders(p);
            case ACCOUNT -> venue.account();
            case MY_TRADES -> venue.myTrades(p);
            case TEST_ORDER -> venue.testOrder(p);
            case AMEND_KEEP_PRIORITY -> venue.amendKeepPriority(p);
            case NEW_ORDER, CANCEL_REPLACE -> throw new IllegalStateException(endpoint + " is answered by its own method");
        };
    }

    private String exchangeInfo(Map<String, String> p) {
        String symbol = p.get("symbol");
        java.util.List<io.tradekit.api.Instrument> listed = venue.instruments().stream()
                .filter(i -> symbol == null || i.symbol().equals(symbol)).toList();
        if (listed.isEmpty()) {
            throw VenueError.badRequest(-1121, VenueMessages.INVALID_SYMBOL);
        }
        return Payloads.exchangeInfo(listed, clock.millis(), weightLimit, orderLimit,
                venue.allowedSelfTradePrevention());
    }

    /** Takes the request's weight in the current minute; 429 (-1003) past the limit or when told to. */
    private synchronized long chargeWeight(Route endpoint, Map<String, String> params) {
        long now = clock.millis();
        long window = now - Math.floorMod(now, 60_000L);
        if (window != weightWindow) {
            weightWindow = window;
            weightUsed = 0;
        }
        int weight = endpoint == Route.OPEN_ORDERS && !params.containsKey("symbol") ? Route.OPEN_ORDERS_ALL_SYMBOLS_WEIGHT
                : endpoint == Route.DEPTH ? DepthBook.weight(params) : endpoint.weight;
        weightUsed += weight;
        long forced = faults.takeForcedRateLimit();
        if (forced > 0 || weightUsed > weightLimit) {
            long retryAfter = forced > 0 ? forced : Math.max(1, (60_000 - Math.floorMod(now, 60_000L) + 999) / 1000);
            throw new VenueError(429, -1003, "Too much request weight used; current limit is " + weightLimit
                    + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.", retryAfter);
        }
        return weightUsed;
    }

    /** Counts a new order in the 10 s and day windows; 429 (-1015) past the 10 s limit. */
    private synchronized long[] chargeOrder() {
        long now = clock.millis();
        long window = now - Math.floorMod(now, 10_000L);
        if (window != orderWindow) {
            orderWindow = window;
            ordersInWindow = 0;
        }
        long day = now - Math.floorMod(now, 86_400_000L);
        if (day != dayWindow) {
            dayWindow = day;
            ordersInDay = 0;
        }
        if (ordersInWindow >= orderLimit) {
            throw new VenueError(429, -1015, "Too many new orders; current limit is " + orderLimit + " orders per 10 SECOND.");
        }
        ordersInWindow++;
        ordersInDay++;
        return new long[] {ordersInWindow, ordersInDay};
    }

    private synchronized long weightUsedNow() {
        return weightUsed;
    }

    /** The signed text: the query string or body without its {@code signature} parameter. */
    static String withoutSignature(String raw) {
        if (raw.isEmpty()) return raw;
        StringBuilder out = new StringBuilder();
        for (String pair : raw.split("&", -1)) {
            if (pair.startsWith("signature=")) continue;
            if (!out.isEmpty()) out.append('&');
            out.append(pair);
        }
        return out.toString();
    }

    private void count(int code) {
        errorCounts.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
    }

    int requests() {
        return requestCounts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int requests(String method, String path) {
        AtomicInteger n = requestCounts.get(method + " " + path);
        return n == null ? 0 : n.get();
    }

    int errors(int code) {
        AtomicInteger n = errorCounts.get(code);
        return n == null ? 0 : n.get();
    }

    private void respond(HttpExchange exchange, int status, String json, long usedWeight) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        exchange.getResponseHeaders().add("X-MBX-USED-WEIGHT-1M", Long.toString(usedWeight));
        exchange.sendResponseHeaders(status, bytes.length);
        long stall = faults.takeBodyStall();
        if (stall > 0) {
            // headers and half the body now, the rest after the stall: a half-open connection as a client meets it
            int half = bytes.length / 2;
            exchange.getResponseBody().write(bytes, 0, half);
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(stall);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            exchange.getResponseBody().write(bytes, half, bytes.length - half);
            return;
        }
        exchange.getResponseBody().write(bytes);
    }
}
