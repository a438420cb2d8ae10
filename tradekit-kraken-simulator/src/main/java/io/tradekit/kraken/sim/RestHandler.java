package io.tradekit.kraken.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kraken's REST surface: {@code GET /0/public/<Method>?...} and {@code POST /0/private/<Method>} with a
 * form body, answered as {@code {"error":[...],"result":...}} (HTTP 200 even for most errors, as Kraken
 * does), with the faults a test asked for.
 */
final class RestHandler implements HttpHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final int MAX_BODY = 64 * 1024;

    private final SimVenue venue;
    private final Gate gate;
    private final Faults faults;
    private final InstantSource clock;
    private final AtomicInteger allRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final AtomicInteger serverErrors = new AtomicInteger();

    RestHandler(SimVenue venue, Gate gate, Faults faults, InstantSource clock) {
        this.venue = venue;
        this.gate = gate;
        this.faults = faults;
        this.clock = clock;
    }

    /** Thrown to make the HTTP server cut the connection without an answer. */
    private static final class DropConnection extends RuntimeException {
        DropConnection() {
            super("connection dropped on purpose", null, false, false);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            answer(exchange);
        } catch (DropConnection drop) {
            throw drop; // the server closes the connection without a response: the client sees it end mid-exchange
        }
        exchange.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            allRequests.incrementAndGet();
            Faults.Refusal refusal = faults.refusal();
            if (refusal != null) {
                refuse(exchange, refusal);
                return;
            }
            try {
                if (path.startsWith("/0/public/")) {
                    if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("POST")) {
                        throw new VenueError("EGeneral:Invalid arguments");
                    }
                    respond(exchange, 200, ok(publicCall(path.substring("/0/public/".length()), parse(exchange.getRequestURI().getRawQuery()))));
                } else if (path.startsWith("/0/private/")) {
                    if (!exchange.getRequestMethod().equals("POST")) throw new VenueError("EGeneral:Invalid arguments");
                    privateCall(exchange, path);
                } else {
                    throw new VenueError("EGeneral:Unknown method");
                }
            } catch (VenueError e) {
                errors.computeIfAbsent(e.getMessage(), m -> new AtomicInteger()).incrementAndGet();
                respond(exchange, 200, "{\"error\":[" + MAPPER.writeValueAsString(e.getMessage()) + "]}");
            }
        }
    }

    private JsonNode publicCall(String method, Map<String, String> q) {
        return switch (method) {
            case "Time" -> {
                ObjectNode r = MAPPER.createObjectNode();
                long now = clock.millis();
                r.put("unixtime", now / 1000);
                r.put("rfc1123", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        java.time.Instant.ofEpochMilli(now).atZone(java.time.ZoneOffset.UTC)));
                yield r;
            }
            case "AssetPairs" -> venue.assetPairs(q.get("pair"));
            case "OHLC" -> {
                faults.ohlcRead();
                yield venue.ohlc(required(q, "pair"), q.containsKey("interval") ? parseLong(q.get("interval"), "interval") : 1,
                        q.containsKey("since") ? parseLong(q.get("since"), "since") : null);
            }
            default -> throw new VenueError("EGeneral:Unknown method");
        };
    }

    private void privateCall(HttpExchange exchange, String path) throws IOException {
        String body = readBody(exchange.getRequestBody());
        Map<String, String> form = parse(body);
        gate.admit(path, exchange.getRequestHeaders().getFirst("API-Key"), exchange.getRequestHeaders().getFirst("API-Sign"), body, form);
        if (faults.takeNonceRefusal()) throw new VenueError("EAPI:Invalid nonce");
        if (faults.takeRateLimit()) throw new VenueError("EAPI:Rate limit exceeded");
        long throttle = faults.takeThrottle();
        if (throttle >= 0) {
            // Kraken: "EService:Throttled: [UNIX timestamp]": too many concurrent requests, try again after that second
            throw new VenueError("EService:Throttled: " + Math.ceilDiv(clock.millis() + throttle, 1000));
        }
        String method = path.substring("/0/private/".length());
        if (!method.equals("AddOrder") && !method.equals("CancelOrder")) {
            gate.charge(method.equals("TradesHistory") ? 2 : 1); // trade history costs 2, most calls 1; orders count elsewhere
        }
        if (method.equals("AddOrder") && !"true".equals(form.get("validate"))) {
            FaultInjection.OrderFailure failure = faults.nextOrderFailure();
            if (failure == FaultInjection.OrderFailure.BEFORE_ACCEPTING) {
                serverErrors.incrementAndGet();
                respond(exchange, 503, "<html><body>503 Service Unavailable</body></html>");
                return;
            }
            if (failure != null) {
                try {
                    venue.addOrder(form);
                } catch (VenueError refused) {
                    faults.giveBack(failure); // the fault is for an order the venue takes: this one is refused as usual
                    throw refused;
                }
                serverErrors.incrementAndGet();
                if (failure == FaultInjection.OrderFailure.DROPPED_AFTER_ACCEPTING) {
                    throw new DropConnection();
                }
                respond(exchange, 502, "<html><body>502 Bad Gateway</body></html>");
                return;
            }
        }
        JsonNode result = switch (method) {
            case "AddOrder" -> venue.addOrder(form);
            case "CancelOrder" -> venue.cancelOrder(form);
            case "CancelAll" -> venue.cancelAll();
            case "CancelAllOrdersAfter" -> venue.cancelAllOrdersAfter(parseLong(required(form, "timeout"), "timeout"));
            case "OpenOrders" -> venue.openOrders(form);
            case "ClosedOrders" -> venue.closedOrders(form);
            case "QueryOrders" -> venue.queryOrders(form);
            case "TradesHistory" -> venue.tradesHistory(form);
            case "BalanceEx" -> venue.balanceEx();
            case "GetWebSocketsToken" -> {
                ObjectNode r = MAPPER.createObjectNode();
                r.put("token", gate.newToken());
                r.put("expires", 900);
                yield r;
            }
            default -> throw new VenueError("EGeneral:Unknown method");
        };
        respond(exchange, 200, ok(result));
    }

    private static String ok(JsonNode result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putArray("error");
        root.set("result", result);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers after the delay a test asked for: the request has taken effect, only its answer is late. A
     * stalled answer sends its headers and half its body, then waits before the rest.
     */
    private void respond(HttpExchange exchange, int status, String body) throws IOException {
        faults.delay();
        Duration stall = faults.takeStall();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("<") ? "text/html" : "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (stall != null) {
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                pause(stall);
                out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            } else {
                out.write(bytes);
            }
        }
    }

    /** What Kraken's edge (Cloudflare) answers while it refuses everyone: a bare page, with Retry-After when it names a wait. */
    private static void refuse(HttpExchange exchange, Faults.Refusal refusal) throws IOException {
        if (refusal.retryAfter().isPositive()) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(Math.max(1, refusal.retryAfter().toSeconds())));
        }
        byte[] bytes = ("<html><body>" + refusal.status() + " refused</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(refusal.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) throw new VenueError("EGeneral:Invalid arguments");
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) return out;
        for (String part : encoded.split("&")) {
            int eq = part.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(name, value);
        }
        return out;
    }

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) throw new VenueError("EGeneral:Invalid arguments:" + name);
        return v;
    }

    private static long parseLong(String text, String name) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new VenueError("EGeneral:Invalid arguments:" + name);
        }
    }

    int requests() {
        return allRequests.get();
    }

    int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    int errors(String krakenError) {
        AtomicInteger n = errors.get(krakenError);
        return n == null ? 0 : n.get();
    }

    int serverErrors() {
        return serverErrors.get();
    }
}
