package io.tradekit.bybit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's WebSockets: the public stream of its category, {@code /v5/public/spot} or
 * {@code /v5/public/linear} ({@code subscribe} to {@code kline.*} and {@code tickers.*}, at most 10 topics
 * per request, {@code ping} answered with {@code pong}) and {@code /v5/private} ({@code auth}, then
 * {@code subscribe} to {@code order}, {@code execution}, {@code wallet}, {@code position}; {@code ping}
 * answered with {@code op: pong}). While a test keeps it silent, nothing
 * goes out, pongs included.
 */
final class StreamServer extends WebSocketServer {

    private static final Logger log = LoggerFactory.getLogger(StreamServer.class);
    private static final int MAX_FRAME = 64 * 1024;

    /** One connection's path, login and topics. */
    private static final class Session {
        final boolean privateStream;
        final String connId = UUID.randomUUID().toString();
        final Set<String> topics = ConcurrentHashMap.newKeySet();
        volatile boolean authenticated;
        /** When the venue starts following a public connection: its pushes and subscription answers wait until then. */
        volatile long followAtMillis;

        long untilFollowed() {
            return followAtMillis - System.currentTimeMillis();
        }

        Session(boolean privateStream) {
            this.privateStream = privateStream;
        }
    }

    private final String publicPath;
    private final Gatekeeper gatekeeper;
    private final Faults faults;
    private final InstantSource clock;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicLong pushIds = new AtomicLong();
    private final AtomicInteger handshakes = new AtomicInteger();

    StreamServer(int port, String publicPath, Gatekeeper gatekeeper, Faults faults, InstantSource clock) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.publicPath = publicPath;
        this.gatekeeper = gatekeeper;
        this.faults = faults;
        this.clock = clock;
        setReuseAddr(true);
        setConnectionLostTimeout(0);
    }

    void awaitStarted() throws InterruptedException {
        started.await();
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    /**
     * Counts every handshake and, while a test refuses connections, fails it. The WebSocket library
     * answers a failed upgrade with its own HTTP error; the client sees the handshake refused either way.
     */
    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        handshakes.incrementAndGet();
        int refusal = faults.refusal();
        if (refusal != 0) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "connections refused with HTTP " + refusal);
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    /** Handshakes received so far, refused ones included. */
    int handshakes() {
        return handshakes.get();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String path = handshake.getResourceDescriptor();
        int q = path.indexOf('?');
        if (q >= 0) path = path.substring(0, q);
        switch (path) {
            case "/v5/public/spot", "/v5/public/linear" -> {
                if (path.equals(publicPath)) conn.setAttachment(followLater(new Session(false)));
                else conn.close(1008, "this simulator serves " + publicPath + ", not " + path);
            }
            case "/v5/private" -> conn.setAttachment(new Session(true));
            default -> conn.close(1008, "no such stream: " + path);
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
    public void onMessage(WebSocket conn, String message) {
        Session s = conn.getAttachment();
        if (s == null) return;
        if (message.length() > MAX_FRAME) {
            conn.close(1009, "frame too large");
            return;
        }
        JsonNode request;
        try {
            request = BybitVenue.JSON.readTree(message);
        } catch (Exception e) {
            send(conn, answer(s, "", "", false, "Invalid JSON"));
            return;
        }
        String op = request.path("op").asText("");
        String reqId = request.path("req_id").asText("");
        JsonNode args = request.path("args");
        switch (op) {
            case "ping" -> {
                if (s.privateStream) {
                    ObjectNode pong = BybitVenue.JSON.createObjectNode().put("req_id", reqId).put("op", "pong");
                    pong.putArray("args").add(Long.toString(clock.millis()));
                    send(conn, pong.put("conn_id", s.connId).toString());
                } else {
                    send(conn, answer(s, reqId, "ping", true, "pong"));
                }
            }
            case "auth" -> {
                if (!s.privateStream || !args.isArray() || args.size() != 3) {
                    send(conn, answer(s, reqId, "auth", false, "Params Error"));
                    return;
                }
                String refused = gatekeeper.checkAuth(args.get(0).asText(), args.get(1).asLong(), args.get(2).asText());
                s.authenticated = refused == null;
                send(conn, answer(s, reqId, "auth", refused == null, refused == null ? "" : refused));
            }
            case "subscribe" -> subscribe(conn, s, reqId, args);
            default -> send(conn, answer(s, reqId, op, false, "Invalid op: " + op));
        }
    }

    private void subscribe(WebSocket conn, Session s, String reqId, JsonNode args) {
        if (!args.isArray() || args.isEmpty()) {
            send(conn, answer(s, reqId, "subscribe", false, "args must be a non-empty array"));
            return;
        }
        if (s.privateStream && !s.authenticated) {
            send(conn, answer(s, reqId, "subscribe", false, "Request not authorized"));
            return;
        }
        if (!s.privateStream && args.size() > 10) {
            send(conn, answer(s, reqId, "subscribe", false, "args size >10"));
            return;
        }
        for (JsonNode topic : args) {
            String t = topic.asText();
            boolean known = s.privateStream ? Set.of("order", "execution", "wallet", "position").contains(t) : t.startsWith("kline.") || t.startsWith("tickers.");
            if (!known) {
                send(conn, answer(s, reqId, "subscribe", false, "Invalid topic: " + t));
                return;
            }
        }
        Runnable subscribe = () -> {
            args.forEach(t -> s.topics.add(t.asText()));
            send(conn, answer(s, reqId, "subscribe", true, ""));
        };
        long wait = s.untilFollowed();
        if (wait > 0) CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS).execute(subscribe);
        else subscribe.run();
    }

    private static String answer(Session s, String reqId, String op, boolean success, String retMsg) {
        ObjectNode a = BybitVenue.JSON.createObjectNode().put("success", success).put("ret_msg", retMsg).put("conn_id", s.connId);
        if (!reqId.isEmpty()) a.put("req_id", reqId);
        return a.put("op", op).toString();
    }

    /** A public push to every connection following {@code topic}. */
    void publishPublic(String topic, JsonNode data) {
        ObjectNode push = BybitVenue.JSON.createObjectNode().put("topic", topic).put("ts", clock.millis()).put("type", "snapshot");
        push.set("data", data);
        String text = push.toString();
        forEach(false, topic, text);
    }

    /** A private push to every authenticated connection following {@code topic}. */
    void publishPrivate(String topic, ArrayNode data) {
        ObjectNode push = BybitVenue.JSON.createObjectNode().put("id", "p" + pushIds.incrementAndGet()).put("topic", topic)
                .put("creationTime", clock.millis());
        push.set("data", data);
        forEach(true, topic, push.toString());
    }

    /** Raw text to every connection of one kind, e.g. a malformed frame a test wants the client to meet. */
    void sendRaw(boolean privateStream, String text) {
        for (WebSocket c : getConnections()) {
            Session s = c.getAttachment();
            if (s != null && s.privateStream == privateStream) send(c, text);
        }
    }

    private void forEach(boolean privateStream, String topic, String text) {
        for (WebSocket c : getConnections()) {
            Session s = c.getAttachment();
            if (s != null && s.privateStream == privateStream && s.topics.contains(topic) && s.untilFollowed() <= 0) send(c, text);
        }
    }

    private void send(WebSocket conn, String text) {
        if (faults.silent(clock.millis())) return;
        try {
            conn.send(text);
        } catch (RuntimeException e) {
            log.debug("send failed: {}", e.toString());
        }
    }

    /** Cuts every WebSocket without a close handshake, as a network failure would. */
    void dropAll() {
        for (WebSocket c : getConnections()) {
            c.closeConnection(1006, "dropped by the simulator");
        }
    }

    int subscribers(boolean privateStream, String topic) {
        int n = 0;
        for (WebSocket c : getConnections()) {
            Session s = c.getAttachment();
            if (s != null && s.privateStream == privateStream && s.topics.contains(topic) && c.isOpen()) n++;
        }
        return n;
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        // sessions live on the connection and go with it
        if (conn.getAttachment() instanceof Session s) faults.closed(s);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        log.debug("stream error: {}", ex.toString());
    }
}
