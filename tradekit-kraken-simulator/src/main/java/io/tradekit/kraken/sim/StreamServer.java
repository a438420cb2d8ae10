package io.tradekit.kraken.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.Bar;
import io.tradekit.api.Ticker;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kraken's WebSocket v2 on loopback: the public endpoint at {@code /v2} ({@code ohlc}, {@code ticker})
 * and the authenticated one at {@code /auth/v2} ({@code executions}, with a token from
 * {@code GetWebSocketsToken}). Answers {@code ping} with {@code pong}, acknowledges subscriptions with
 * {@code {"method":"subscribe","success":...}}, sends a snapshot after each, and a
 * {@code {"channel":"heartbeat"}} every second to every subscribed connection.
 */
final class StreamServer extends WebSocketServer {

    private static final Logger log = LoggerFactory.getLogger(StreamServer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** One connection's subscriptions. */
    private static final class Session {
        final boolean authenticated;
        final Set<Integer> ohlcIntervals = ConcurrentHashMap.newKeySet();
        volatile boolean ticker;
        volatile boolean executions;
        final AtomicLong sequence = new AtomicLong();
        /** When the venue starts following a public connection: the answers to its subscriptions wait until then. */
        volatile long followAtMillis;

        Session(boolean authenticated) {
            this.authenticated = authenticated;
        }

        long untilFollowed() {
            return followAtMillis - System.currentTimeMillis();
        }

        boolean subscribed() {
            return ticker || executions || !ohlcIntervals.isEmpty();
        }
    }

    private final Gate gate;
    private final Faults faults;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger executionSubscriptions = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final Set<WebSocket> refused = ConcurrentHashMap.newKeySet();
    private volatile SimVenue venue;

    StreamServer(Gate gate, Faults faults) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), List.of(new RefusingDraft()));
        this.gate = gate;
        this.faults = faults;
        setReuseAddr(true);
        setConnectionLostTimeout(30);
    }

    void attach(SimVenue simVenue) {
        this.venue = simVenue;
    }

    void awaitStarted() throws InterruptedException {
        started.await();
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    /** Counts every handshake; while the venue refuses connections, marks the answer as a refusal (see {@link RefusingDraft}). */
    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        handshakes.incrementAndGet();
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        Faults.Refusal refusal = faults.refusal();
        if (refusal != null) {
            response.put(RefusingDraft.REFUSAL_STATUS, Integer.toString(refusal.status()));
            if (refusal.retryAfter().isPositive()) {
                response.put("Retry-After", Long.toString(Math.max(1, refusal.retryAfter().toSeconds())));
            }
            refused.add(conn);
        }
        return response;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        if (refused.remove(conn)) {
            conn.close(1008, "refused"); // after the error answer already queued: the client has failed its handshake
            return;
        }
        String path = URI.create(handshake.getResourceDescriptor()).getPath();
        switch (path) {
            case "/v2" -> conn.setAttachment(followLater(new Session(false)));
            case "/auth/v2" -> conn.setAttachment(new Session(true));
            default -> conn.close(1008, "unknown path " + path);
        }
    }

    /** A venue under load ({@link Faults#followNewPublicConnectionsAfter}) follows a new public connection late. */
    private Session followLater(Session session) {
        long delay = faults.followDelayMillis();
        if (delay <= 0) return session;
        session.followAtMillis = System.currentTimeMillis() + delay;
        faults.followsFrom(session, session.followAtMillis);
        return session;
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        refused.remove(conn);
        if (conn.getAttachment() instanceof Session s) faults.closed(s);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        log.debug("kraken simulator stream error: {}", ex.toString());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Session session = conn.getAttachment();
        if (session == null) return;
        JsonNode root;
        try {
            root = MAPPER.readTree(message);
        } catch (Exception e) {
            send(conn, "{\"error\":\"EGeneral:Invalid arguments\",\"success\":false}");
            return;
        }
        String method = root.path("method").asText("");
        JsonNode reqId = root.get("req_id");
        switch (method) {
            case "ping" -> {
                ObjectNode pong = MAPPER.createObjectNode();
                pong.put("method", "pong");
                if (reqId != null) pong.set("req_id", reqId);
                pong.put("time_in", Instant.now().toString());
                pong.put("time_out", Instant.now().toString());
                send(conn, write(pong));
            }
            case "subscribe" -> {
                long wait = session.untilFollowed();
                if (wait > 0) {
                    CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS).execute(() -> subscribe(conn, session, root.path("params"), reqId));
                } else {
                    subscribe(conn, session, root.path("params"), reqId);
                }
            }
            default -> send(conn, write(answer(method, reqId, false, "EGeneral:Invalid arguments", null)));
        }
    }

    private void subscribe(WebSocket conn, Session session, JsonNode params, JsonNode reqId) {
        SimVenue v = venue;
        PairSpec pair = v.pair();
        String channel = params.path("channel").asText("");
        switch (channel) {
            case "ohlc", "ticker" -> {
                JsonNode symbols = params.path("symbol");
                if (!symbols.isArray() || symbols.isEmpty()) {
                    send(conn, write(answer("subscribe", reqId, false, "EGeneral:Invalid arguments:symbol", null)));
                    return;
                }
                for (JsonNode s : symbols) {
                    if (!s.asText().equals(pair.wsSymbol())) {
                        send(conn, write(answer("subscribe", reqId, false, "Currency pair not supported " + s.asText(), null)));
                        return;
                    }
                }
                synchronized (v.lock()) {
                    List<Bar> closed = v.closedBars();
                    if (channel.equals("ohlc")) {
                        int interval = params.path("interval").asInt(1);
                        if (interval * 60_000L != closed.getFirst().timeframe().millis()) {
                            send(conn, write(answer("subscribe", reqId, false, "EGeneral:Invalid arguments:interval", null)));
                            return;
                        }
                        ObjectNode result = MAPPER.createObjectNode();
                        result.put("channel", "ohlc");
                        result.put("symbol", pair.wsSymbol());
                        result.put("interval", interval);
                        result.put("snapshot", true);
                        session.ohlcIntervals.add(interval); // followed by the time it answers, as a venue is
                        send(conn, write(answer("subscribe", reqId, true, null, result)));
                        send(conn, ohlcFrame("snapshot", List.of(closed.getLast(), v.forming()), interval));
                    } else {
                        ObjectNode result = MAPPER.createObjectNode();
                        result.put("channel", "ticker");
                        result.put("symbol", pair.wsSymbol());
                        session.ticker = true;
                        send(conn, write(answer("subscribe", reqId, true, null, result)));
                        send(conn, tickerFrame("snapshot", v.quote(closed.getLast())));
                    }
                }
            }
            case "executions" -> {
                if (!session.authenticated || !gate.tokenValid(params.path("token").asText(null))) {
                    send(conn, write(answer("subscribe", reqId, false, session.authenticated ? "ESession:Invalid session" : "EGeneral:Permission denied", null)));
                    return;
                }
                synchronized (v.lock()) {
                    ObjectNode result = MAPPER.createObjectNode();
                    result.put("channel", "executions");
                    result.put("snapshot", params.path("snap_orders").asBoolean(true));
                    session.executions = true; // followed by the time it answers; updates wait for the venue's lock, held here
                    send(conn, write(answer("subscribe", reqId, true, null, result)));
                    if (params.path("snap_orders").asBoolean(true)) {
                        ObjectNode frame = MAPPER.createObjectNode();
                        frame.put("channel", "executions");
                        frame.put("type", "snapshot");
                        ArrayNode data = frame.putArray("data");
                        v.openOrderSnapshot().forEach(data::add);
                        frame.put("sequence", session.sequence.incrementAndGet());
                        send(conn, write(frame));
                    }
                    executionSubscriptions.incrementAndGet();
                }
            }
            default -> send(conn, write(answer("subscribe", reqId, false, "EGeneral:Invalid arguments:channel", null)));
        }
    }

    private static ObjectNode answer(String method, JsonNode reqId, boolean success, String error, ObjectNode result) {
        ObjectNode a = MAPPER.createObjectNode();
        a.put("method", method);
        if (result != null) a.set("result", result);
        a.put("success", success);
        if (error != null) a.put("error", error);
        a.put("time_in", Instant.now().toString());
        a.put("time_out", Instant.now().toString());
        if (reqId != null) a.set("req_id", reqId);
        return a;
    }

    /** A closed bar, then the period now forming, to every ohlc subscriber of the interval. */
    void publishBar(Bar closed, Bar forming) {
        int interval = (int) (closed.timeframe().millis() / 60_000);
        String a = ohlcFrame("update", List.of(closed), interval);
        String b = ohlcFrame("update", List.of(forming), interval);
        for (WebSocket conn : getConnections()) {
            Session s = conn.getAttachment();
            if (s != null && s.ohlcIntervals.contains(interval)) {
                send(conn, a);
                send(conn, b);
            }
        }
    }

    void publishTicker(Ticker ticker) {
        String frame = tickerFrame("update", ticker);
        for (WebSocket conn : getConnections()) {
            Session s = conn.getAttachment();
            if (s != null && s.ticker) send(conn, frame);
        }
    }

    /** One executions entry to every subscriber; called under the venue's lock, so entries keep their order. */
    void publishExecution(ObjectNode entry) {
        for (WebSocket conn : getConnections()) {
            Session s = conn.getAttachment();
            if (s == null || !s.executions) continue;
            ObjectNode frame = MAPPER.createObjectNode();
            frame.put("channel", "executions");
            frame.put("type", "update");
            frame.putArray("data").add(entry);
            frame.put("sequence", s.sequence.incrementAndGet());
            send(conn, write(frame));
        }
    }

    void heartbeat() {
        for (WebSocket conn : getConnections()) {
            Session s = conn.getAttachment();
            if (s != null && s.subscribed()) send(conn, "{\"channel\":\"heartbeat\"}");
        }
    }

    void sendToAll(String frame) {
        for (WebSocket conn : getConnections()) {
            Session s = conn.getAttachment();
            if (s != null && s.subscribed()) send(conn, frame);
        }
    }

    /** Cuts every connection without a close handshake. */
    void dropAll() {
        for (WebSocket conn : getConnections()) {
            if (conn instanceof WebSocketImpl impl) {
                impl.closeConnection(1006, "dropped by the simulator");
            } else {
                conn.close();
            }
        }
    }

    int handshakes() {
        return handshakes.get();
    }

    int executionSubscriptions() {
        return executionSubscriptions.get();
    }

    int subscribers(String channel) {
        int n = 0;
        for (WebSocket conn : getConnections()) {
            Session s = conn.getAttachment();
            if (s == null) continue;
            if ((channel.equals("ohlc") && !s.ohlcIntervals.isEmpty()) || (channel.equals("ticker") && s.ticker)
                    || (channel.equals("executions") && s.executions)) n++;
        }
        return n;
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(WebSocket conn, String text) {
        if (faults.silent()) return;
        try {
            if (conn.isOpen()) conn.send(text);
        } catch (RuntimeException e) {
            log.debug("kraken simulator send failed: {}", e.toString());
        }
    }

    private String ohlcFrame(String type, List<Bar> bars, int interval) {
        ObjectNode frame = MAPPER.createObjectNode();
        frame.put("channel", "ohlc");
        frame.put("type", type);
        frame.put("timestamp", Instant.now().toString());
        ArrayNode data = frame.putArray("data");
        for (Bar b : bars) {
            ObjectNode d = data.addObject();
            d.put("symbol", venue.pair().wsSymbol());
            d.put("open", b.open());
            d.put("high", b.high());
            d.put("low", b.low());
            d.put("close", b.close());
            d.put("trades", b.volume().signum() == 0 ? 0 : 12);
            d.put("volume", b.volume());
            d.put("vwap", b.close());
            d.put("interval_begin", b.openTime().toString());
            d.put("interval", interval);
            d.put("timestamp", b.closeTime().toString());
        }
        return write(frame);
    }

    private String tickerFrame(String type, Ticker t) {
        ObjectNode frame = MAPPER.createObjectNode();
        frame.put("channel", "ticker");
        frame.put("type", type);
        ObjectNode d = frame.putArray("data").addObject();
        d.put("symbol", venue.pair().wsSymbol());
        d.put("bid", t.bid());
        d.put("bid_qty", new BigDecimal("1.5"));
        d.put("ask", t.ask());
        d.put("ask_qty", new BigDecimal("2.25"));
        d.put("last", t.last());
        d.put("volume", new BigDecimal("100"));
        d.put("vwap", t.last());
        d.put("low", t.bid());
        d.put("high", t.ask());
        d.put("change", BigDecimal.ZERO);
        d.put("change_pct", BigDecimal.ZERO);
        return write(frame);
    }
}
