package io.tradekit.binance.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's WebSocket side. Market streams at {@code /ws/<stream>...} (raw frames) and
 * {@code /stream?streams=a/b} (frames wrapped as {@code {"stream":..,"data":..}}), with
 * {@code SUBSCRIBE}, {@code UNSUBSCRIBE} and {@code LIST_SUBSCRIPTIONS}; the WebSocket API at
 * {@code /ws-api/v3} with {@code time}, {@code ping}, {@code session.logon} (Ed25519 accounts),
 * {@code order.place}, {@code order.cancel}, {@code order.status}, {@code openOrders.cancelAll} and
 * {@code userDataStream.subscribe.signature},
 * whose subscribers receive {@code {"subscriptionId":n,"event":{...}}}. The server pings every 20 s.
 */
final class StreamServer extends WebSocketServer {

    private static final Logger log = LoggerFactory.getLogger(StreamServer.class);

    /** A market-stream connection's subscriptions. */
    private static final class MarketSession {
        final Set<String> streams = ConcurrentHashMap.newKeySet();
        final boolean combined;
        /** When the venue starts following the connection: its streams' messages and its answers wait until then. */
        volatile long followAtMillis;

        long untilFollowed() {
            return followAtMillis - System.currentTimeMillis();
        }

        MarketSession(boolean combined) {
            this.combined = combined;
        }
    }

    /**
     * A WebSocket API connection; {@code subscriptionId} is set once user data is subscribed, {@code loggedOn}
     * once {@code session.logon} authenticated it (its requests then need no apiKey or signature).
     */
    private static final class ApiSession {
        volatile int subscriptionId = -1;
        volatile boolean loggedOn;
    }

    private final Gatekeeper gatekeeper;
    private final InstantSource clock;
    private final Faults faults;
    private final AtomicInteger subscriptionIds = new AtomicInteger();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile SimulatedVenue venue;
    /** WebSocket API request weight in the current minute and orders in the current 10 s, as its answers' {@code rateLimits} report them. */
    private final Object limitsLock = new Object();
    private long weightWindow;
    private long weightUsed;
    private long orderWindow;
    private long ordersUsed;
    private volatile Runnable dropAll = () -> { };

    StreamServer(Gatekeeper gatekeeper, InstantSource clock, Faults faults) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.gatekeeper = gatekeeper;
        this.clock = clock;
        this.faults = faults;
        setReuseAddr(true);
        setConnectionLostTimeout(20);
    }

    /** The venue that answers {@code order.*} requests, and how to cut every connection (for the drop fault). */
    void serveOrders(SimulatedVenue venue, Runnable dropAllConnections) {
        this.venue = venue;
        this.dropAll = dropAllConnections;
    }

    void awaitStarted() throws InterruptedException {
        started.await();
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    /**
     * The connection's session (its streams, from the URL) is set while its handshake is answered, before the client
     * hears that it is open: as on Binance, a client connected to a stream's URL gets the stream's next event, however
     * soon after connecting it comes.
     */
    @Override
    public org.java_websocket.handshake.ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn,
            org.java_websocket.drafts.Draft draft, ClientHandshake request) throws org.java_websocket.exceptions.InvalidDataException {
        org.java_websocket.handshake.ServerHandshakeBuilder answer = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        Object session = sessionFor(request.getResourceDescriptor());
        if (session instanceof MarketSession market) followLater(market);
        if (session != null) conn.setAttachment(session);
        return answer;
    }

    /** A venue under load ({@link Faults#followNewMarketConnectionsAfter}) follows a new market connection late. */
    private void followLater(MarketSession session) {
        long delay = faults.followDelayMillis();
        if (delay <= 0) return;
        session.followAtMillis = System.currentTimeMillis() + delay;
        faults.followsFrom(session, session.followAtMillis);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        // The handshake gave every known path its session.
        if (conn.getAttachment() == null) conn.close(1008, "unknown path " + URI.create(handshake.getResourceDescriptor()).getPath());
    }

    /** The session a connection to {@code resource} opens: the API's, or a market one with the URL's streams; null for an unknown path. */
    private static Object sessionFor(String resource) {
        URI uri = URI.create(resource);
        String path = uri.getPath();
        if (path.equals("/ws-api/v3")) return new ApiSession();
        if (path.equals("/stream")) {
            MarketSession session = new MarketSession(true);
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            for (String pair : query.split("&")) {
                if (pair.startsWith("streams=")) {
                    String value = URLDecoder.decode(pair.substring("streams=".length()), StandardCharsets.UTF_8);
                    Arrays.stream(value.split("/")).filter(s -> !s.isEmpty()).forEach(session.streams::add);
                }
            }
            return session;
        }
        if (path.equals("/ws") || path.startsWith("/ws/")) {
            MarketSession session = new MarketSession(false);
            Arrays.stream(path.substring(3).split("/")).filter(s -> !s.isEmpty()).forEach(session.streams::add);
            return session;
        }
        return null;
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Object session = conn.getAttachment();
        try {
            JsonNode request = Json.read(message);
            if (session instanceof MarketSession market) {
                marketRequest(conn, market, request);
            } else if (session instanceof ApiSession api) {
                apiRequest(conn, api, request);
            }
        } catch (RuntimeException e) {
            if (session instanceof ApiSession) {
                conn.send("{\"id\":null,\"status\":400,\"error\":{\"code\":-1135,\"msg\":\"Invalid JSON Request\"}}");
            } else {
                conn.send("{\"error\":{\"code\":3,\"msg\":\"Invalid JSON: " + e.getMessage().replace("\"", "'") + "\"},\"id\":null}");
            }
        }
    }

    private void marketRequest(WebSocket conn, MarketSession session, JsonNode request) {
        JsonNode id = request.get("id");
        String idText = id == null ? "null" : id.toString();
        String method = request.path("method").asText("");
        JsonNode params = request.path("params");
        switch (method) {
            case "SUBSCRIBE" -> {
                Runnable subscribe = () -> {
                    params.forEach(p -> session.streams.add(p.asText()));
                    conn.send("{\"result\":null,\"id\":" + idText + "}");
                };
                long wait = session.untilFollowed();
                if (wait > 0) CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS).execute(subscribe);
                else subscribe.run();
            }
            case "UNSUBSCRIBE" -> {
                params.forEach(p -> session.streams.remove(p.asText()));
                conn.send("{\"result\":null,\"id\":" + idText + "}");
            }
            case "LIST_SUBSCRIPTIONS" -> conn.send("{\"result\":" + Json.MAPPER.valueToTree(session.streams.stream().sorted().toList())
                    + ",\"id\":" + idText + "}");
            default -> conn.send("{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown method\"},\"id\":" + idText + "}");
        }
    }

    private void apiRequest(WebSocket conn, ApiSession session, JsonNode request) {
        String id = request.has("id") ? request.get("id").toString() : "null";
        String method = request.path("method").asText("");
        try {
            switch (method) {
                case "ping" -> conn.send("{\"id\":" + id + ",\"status\":200,\"result\":{}}");
                case "time" -> conn.send("{\"id\":" + id + ",\"status\":200,\"result\":{\"serverTime\":" + clock.millis() + "}}");
                case "userDataStream.subscribe.signature" -> {
                    int[] refusal = faults.takeSubscriptionRefusal();
                    if (refusal != null) {
                        String data = refusal[0] == 429 || refusal[0] == 418
                                ? ",\"data\":{\"serverTime\":" + clock.millis() + ",\"retryAfter\":" + (clock.millis() + 1000) + "}" : "";
                        conn.send("{\"id\":" + id + ",\"status\":" + refusal[0] + ",\"error\":{\"code\":" + refusal[1]
                                + ",\"msg\":\"" + (refusal[0] >= 500 ? VenueMessages.INTERNAL_ERROR : "Too many requests; please use the WebSocket for live updates.")
                                + "\"" + data + "}}");
                        return;
                    }
                    Map<String, String> params = params(request);
                    gatekeeper.checkApiKey(params.get("apiKey"));
                    gatekeeper.checkSigned(Gatekeeper.webSocketPayload(params), params);
                    if (session.subscriptionId < 0) {
                        session.subscriptionId = subscriptionIds.getAndIncrement();
                    }
                    conn.send("{\"id\":" + id + ",\"status\":200,\"result\":{\"subscriptionId\":" + session.subscriptionId + "}}");
                }
                case "session.logon" -> {
                    if (!gatekeeper.allowsSessionLogon()) {
                        throw new VenueError(401, -2015, VenueMessages.REJECTED_API_KEY);
                    }
                    Map<String, String> params = params(request);
                    gatekeeper.checkApiKey(params.get("apiKey"));
                    gatekeeper.checkSigned(Gatekeeper.webSocketPayload(params), params);
                    session.loggedOn = true;
                    conn.send("{\"id\":" + id + ",\"status\":200,\"result\":{\"apiKey\":" + Payloads.quote(params.get("apiKey"))
                            + ",\"authorizedSince\":" + clock.millis() + ",\"serverTime\":" + clock.millis() + ",\"userDataStream\":"
                            + (session.subscriptionId >= 0) + "}}");
                }
                case "order.place", "order.cancel", "order.status", "openOrders.cancelAll", "order.amend.keepPriority" -> orderRequest(conn, session, id, method, request);
                case "userDataStream.unsubscribe" -> {
                    session.subscriptionId = -1;
                    conn.send("{\"id\":" + id + ",\"status\":200,\"result\":{}}");
                }
                default -> throw VenueError.badRequest(-1020, "This operation is not supported.");
            }
        } catch (VenueError e) {
            conn.send("{\"id\":" + id + ",\"status\":" + e.status + ",\"error\":" + e.json() + "}");
        }
    }

    private static Map<String, String> params(JsonNode request) {
        Map<String, String> params = new TreeMap<>();
        request.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        return params;
    }

    /**
     * {@code order.place}, {@code order.cancel}, {@code order.status} and {@code openOrders.cancelAll}: the
     * same checks and answers as their REST endpoints, as {@code result}. Signed per request (apiKey and the
     * signature of the sorted raw parameters) unless the session logged on.
     */
    private void orderRequest(WebSocket conn, ApiSession session, String id, String method, JsonNode request) {
        long forcedRetryAfter = faults.takeForcedWebSocketRateLimit();
        if (forcedRetryAfter > 0) {
            long until = clock.millis() + forcedRetryAfter * 1000;
            conn.send("{\"id\":" + id + ",\"status\":429,\"error\":{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is "
                    + "6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.\",\"data\":"
                    + "{\"serverTime\":" + clock.millis() + ",\"retryAfter\":" + until + "}}}");
            return;
        }
        String limits = rateLimits(method); // charged whatever the outcome, as the venue does
        String result;
        try {
            Map<String, String> params = params(request);
            if (session.loggedOn && !params.containsKey("signature")) {
                gatekeeper.checkTimestamp(params);
            } else {
                gatekeeper.checkApiKey(params.get("apiKey"));
                gatekeeper.checkSigned(Gatekeeper.webSocketPayload(params), params);
            }
            SimulatedVenue v = venue;
            result = switch (method) {
                case "order.place" -> v.newOrder(params);
                case "order.cancel" -> v.cancelOrder(params);
                case "order.status" -> v.queryOrder(params);
                case "order.amend.keepPriority" -> v.amendKeepPriority(params);
                default -> v.cancelOpenOrders(params);
            };
        } catch (VenueError e) {
            conn.send("{\"id\":" + id + ",\"status\":" + e.status + ",\"error\":" + e.json() + ",\"rateLimits\":" + limits + "}");
            return;
        }
        if (method.equals("order.place") && faults.takeWebSocketOrderDrop()) {
            dropAll.run(); // the order is in the book; its answer is lost with the connection
            return;
        }
        conn.send("{\"id\":" + id + ",\"status\":200,\"result\":" + result + ",\"rateLimits\":" + limits + "}");
    }

    /** Adds {@code weight} to the current minute, as requests from elsewhere on the same IP would. */
    void chargeWebSocketWeight(long weight) {
        synchronized (limitsLock) {
            roll(clock.millis());
            weightUsed += weight;
        }
    }

    private void roll(long now) {
        long minute = now - Math.floorMod(now, 60_000L);
        if (minute != weightWindow) {
            weightWindow = minute;
            weightUsed = 0;
        }
        long tenSeconds = now - Math.floorMod(now, 10_000L);
        if (tenSeconds != orderWindow) {
            orderWindow = tenSeconds;
            ordersUsed = 0;
        }
    }

    /** Charges the request and returns the {@code rateLimits} array of web-socket-api.md ("Response format"). */
    private String rateLimits(String method) {
        synchronized (limitsLock) {
            roll(clock.millis());
            weightUsed += method.equals("order.status") || method.equals("order.amend.keepPriority") ? 4 : 1;
            if (method.equals("order.place")) ordersUsed++;
            return "[{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":50,\"count\":" + ordersUsed + "},"
                + "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000,\"count\":" + weightUsed + "}]";
        }
    }

    /** Sends a market event to every connection following {@code stream}. */
    void publish(String stream, String data) {
        String wrapped = null;
        for (WebSocket conn : getConnections()) {
            if (conn.getAttachment() instanceof MarketSession s && s.streams.contains(stream) && conn.isOpen() && s.untilFollowed() <= 0) {
                if (s.combined) {
                    if (wrapped == null) wrapped = "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
                    send(conn, wrapped);
                } else {
                    send(conn, data);
                }
            }
        }
    }

    /** Sends {@code text} as it is to every market-stream connection (for tests of malformed frames). */
    void sendRawToMarketStreams(String text) {
        for (WebSocket conn : getConnections()) {
            if (conn.getAttachment() instanceof MarketSession && conn.isOpen()) send(conn, text);
        }
    }

    /** Sends {@code text} as it is to every WebSocket API connection. */
    void sendRawToApiConnections(String text) {
        for (WebSocket conn : getConnections()) {
            if (conn.getAttachment() instanceof ApiSession && conn.isOpen()) send(conn, text);
        }
    }

    /** Sends a user data event to every subscribed WebSocket API connection. */
    void publishUserEvent(String event) {
        for (WebSocket conn : getConnections()) {
            if (conn.getAttachment() instanceof ApiSession s && s.subscriptionId >= 0 && conn.isOpen()) {
                send(conn, "{\"subscriptionId\":" + s.subscriptionId + ",\"event\":" + event + "}");
            }
        }
    }

    /** Connections following a market stream (for tests waiting for a resubscription). */
    int subscribers(String stream) {
        int n = 0;
        for (WebSocket conn : getConnections()) {
            if (conn.getAttachment() instanceof MarketSession s && s.streams.contains(stream) && conn.isOpen()) n++;
        }
        return n;
    }

    int userDataSubscribers() {
        int n = 0;
        for (WebSocket conn : getConnections()) {
            if (conn.getAttachment() instanceof ApiSession s && s.subscriptionId >= 0 && conn.isOpen()) n++;
        }
        return n;
    }

    private static void send(WebSocket conn, String text) {
        try {
            conn.send(text);
        } catch (RuntimeException e) {
            log.debug("send to a closing connection failed: {}", e.toString());
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        if (conn.getAttachment() instanceof MarketSession s) faults.closed(s);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        log.debug("stream server error: {}", ex.toString());
    }
}
