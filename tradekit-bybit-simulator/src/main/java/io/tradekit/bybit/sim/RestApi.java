package io.tradekit.bybit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's REST API: Bybit v5's paths, the {@code {"retCode","retMsg","result","retExtInfo","time"}}
 * envelope, signed-request checks on the {@code X-BAPI-*} headers over the raw query string or JSON body,
 * a per-second request limit reported in {@code X-Bapi-Limit*} headers (retCode 10006 past it), and the
 * faults a test asks for.
 */
final class RestApi implements HttpHandler {

    private static final int MAX_BODY = 64 * 1024;

    private final BybitVenue venue;
    private final Gatekeeper gatekeeper;
    private final Faults faults;
    private final InstantSource clock;
    private final long requestLimit;
    private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> codeCounts = new ConcurrentHashMap<>();
    private long window;
    private long used;

    RestApi(BybitVenue venue, Gatekeeper gatekeeper, Faults faults, InstantSource clock, long requestLimit) {
        this.venue = venue;
        this.gatekeeper = gatekeeper;
        this.faults = faults;
        this.clock = clock;
        this.requestLimit = requestLimit;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requestCounts.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
            int refusal = faults.refusal();
            if (refusal != 0) {
                count(refusal);
                respond(exchange, refusal, switch (refusal) {
                    case 403 -> "access too frequent";
                    case 429 -> "too many requests";
                    default -> "<html><body>" + refusal + " Service Unavailable</body></html>";
                }, null);
                return;
            }
            faults.delay();
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] bytes = in.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    respond(exchange, 413, "request body too large", null);
                    return;
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
            if (faults.takeForbidden()) {
                count(403);
                respond(exchange, 403, "access too frequent", null);
                return;
            }
            Charge limit = charge();
            try {
                if (limit.refused()) throw new Refusal(10006, "Too many visits. Exceeded the API Rate Limit.");
                Route route = Route.of(method, path);
                if (route == null) {
                    count(404);
                    respond(exchange, 404, "{\"retCode\":10017,\"retMsg\":\"Route not found\"}", limit);
                    return;
                }
                Map<String, String> params = method.equals("POST") ? jsonParams(body) : queryParams(query);
                if (route.signed) {
                    Map<String, String> h = new LinkedHashMap<>();
                    for (String name : new String[] {"X-BAPI-API-KEY", "X-BAPI-TIMESTAMP", "X-BAPI-RECV-WINDOW", "X-BAPI-SIGN"}) {
                        h.put(name, exchange.getRequestHeaders().getFirst(name));
                    }
                    gatekeeper.checkRest(h.get("X-BAPI-API-KEY"), h.get("X-BAPI-TIMESTAMP"), h.get("X-BAPI-RECV-WINDOW"), h.get("X-BAPI-SIGN"),
                            method.equals("POST") ? body : query);
                }
                if (route == Route.CREATE) {
                    create(exchange, params, limit);
                    return;
                }
                String answer = envelope(answer(route, params));
                respond(exchange, 200, faults.takeGarbled() ? "<html>maintenance</html>" : answer, limit);
            } catch (Refusal r) {
                count(r.retCode);
                respond(exchange, r.httpStatus, refusal(r), limit);
            }
        }
    }

    private void create(HttpExchange exchange, Map<String, String> params, Charge limit) throws IOException {
        Faults.OrderFault fault = faults.nextOrderFault();
        if (fault == Faults.OrderFault.SERVER_ERROR_BEFORE_ACCEPTING) {
            count(502);
            respond(exchange, 502, "<html><body>502 Bad Gateway</body></html>", limit);
            return;
        }
        String answer = envelope(venue.create(params));
        switch (fault) {
            case SERVER_ERROR_AFTER_ACCEPTING -> {
                count(502);
                respond(exchange, 502, "<html><body>502 Bad Gateway</body></html>", limit);
            }
            case NO_ANSWER_AFTER_ACCEPTING -> count(0); // the exchange closes with no answer: the client sees the connection end
            default -> respond(exchange, 200, faults.takeGarbled() ? "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":" : answer, limit);
        }
    }

    private ObjectNode answer(Route route, Map<String, String> p) {
        return switch (route) {
            case TIME -> {
                long now = clock.millis();
                yield BybitVenue.JSON.createObjectNode().put("timeSecond", Long.toString(now / 1000)).put("timeNano", now + "000000");
            }
            case INSTRUMENTS -> venue.instruments(p);
            case KLINE -> {
                faults.klineRead();
                yield venue.klines(p);
            }
            case RISK_LIMIT -> venue.riskLimits(p);
            case POSITIONS -> venue.positionList(p);
            case SET_LEVERAGE -> venue.setLeverage(p);
            case CANCEL -> venue.cancel(p);
            case CANCEL_ALL -> venue.cancelAll(p);
            case REALTIME -> venue.realtime(p);
            case HISTORY -> venue.history(p);
            case EXECUTIONS -> venue.executions(p);
            case WALLET -> venue.wallet(p);
            case CREATE -> throw new IllegalStateException("orders are created by create()");
        };
    }

    /** One request charged to the budget: the {@code X-Bapi-Limit*} values, and whether it is refused with 10006. */
    private record Charge(long limit, long remaining, long resetAt, boolean refused) {
    }

    /**
     * Takes one request from this second's budget. Past the budget, or when a test forces a 10006, the
     * request is refused; the reset timestamp then says when it may come again (Bybit: "the timestamp
     * indicating when your request limit resets if you have exceeded your rate_limit").
     */
    private synchronized Charge charge() {
        long now = clock.millis();
        long second = now - Math.floorMod(now, 1000L);
        if (second != window) {
            window = second;
            used = 0;
        }
        used++;
        long forced = faults.takeRateLimit();
        if (forced >= 0) return new Charge(requestLimit, 0, now + forced, true);
        if (used > requestLimit) return new Charge(requestLimit, 0, second + 1000, true);
        return new Charge(requestLimit, requestLimit - used, second + 1000, false);
    }

    private String envelope(ObjectNode result) {
        ObjectNode root = BybitVenue.JSON.createObjectNode().put("retCode", 0).put("retMsg", "OK");
        root.set("result", result);
        root.putObject("retExtInfo");
        return root.put("time", clock.millis()).toString();
    }

    private String refusal(Refusal r) {
        ObjectNode root = BybitVenue.JSON.createObjectNode().put("retCode", r.retCode).put("retMsg", r.getMessage());
        root.putObject("result");
        root.putObject("retExtInfo");
        return root.put("time", clock.millis()).toString();
    }

    private static Map<String, String> queryParams(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw Refusal.param("malformed query near '" + pair + "'");
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Map<String, String> jsonParams(String body) {
        JsonNode root;
        try {
            root = BybitVenue.JSON.readTree(body);
        } catch (IOException e) {
            throw Refusal.param("body is not JSON");
        }
        if (root == null || !root.isObject()) throw Refusal.param("body is not a JSON object");
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private void count(int code) {
        codeCounts.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
    }

    int requests(String method, String path) {
        AtomicInteger n = requestCounts.get(method + " " + path);
        return n == null ? 0 : n.get();
    }

    int requests() {
        return requestCounts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int answers(int code) {
        AtomicInteger n = codeCounts.get(code);
        return n == null ? 0 : n.get();
    }

    /** Sends the answer; a test's stall sends the headers and half the body, then waits before the rest. */
    private void respond(HttpExchange exchange, int status, String body, Charge limit) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/html");
        if (limit != null) {
            exchange.getResponseHeaders().add("X-Bapi-Limit", Long.toString(limit.limit()));
            exchange.getResponseHeaders().add("X-Bapi-Limit-Status", Long.toString(limit.remaining()));
            exchange.getResponseHeaders().add("X-Bapi-Limit-Reset-Timestamp", Long.toString(limit.resetAt()));
        }
        exchange.sendResponseHeaders(status, bytes.length);
        long stall = faults.takeStall();
        if (stall > 0) {
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

    /** The paths served, and which are signed. */
    enum Route {
        TIME("GET", "/v5/market/time", false),
        INSTRUMENTS("GET", "/v5/market/instruments-info", false),
        KLINE("GET", "/v5/market/kline", false),
        RISK_LIMIT("GET", "/v5/market/risk-limit", false),
        POSITIONS("GET", "/v5/position/list", true),
        SET_LEVERAGE("POST", "/v5/position/set-leverage", true),
        CREATE("POST", "/v5/order/create", true),
        CANCEL("POST", "/v5/order/cancel", true),
        CANCEL_ALL("POST", "/v5/order/cancel-all", true),
        REALTIME("GET", "/v5/order/realtime", true),
        HISTORY("GET", "/v5/order/history", true),
        EXECUTIONS("GET", "/v5/execution/list", true),
        WALLET("GET", "/v5/account/wallet-balance", true);

        final String method;
        final String path;
        final boolean signed;

        Route(String method, String path, boolean signed) {
            this.method = method;
            this.path = path;
            this.signed = signed;
        }

        static Route of(String method, String path) {
            for (Route r : values()) if (r.method.equals(method) && r.path.equals(path)) return r;
            return null;
        }
    }
}
