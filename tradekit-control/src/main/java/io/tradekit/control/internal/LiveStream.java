package io.tradekit.control.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.tradekit.api.event.BotEvent;
import io.tradekit.core.EquityPoint;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WebSocket at {@code /api/stream}. A client sends {@code {"type":"auth","token":"..."}} first (a browser
 * cannot set headers on a WebSocket, and a token in the URL would end up in logs); it then gets a
 * {@code snapshot} of every bot it may see, with their recent equity, followed by {@code status},
 * {@code state}, {@code order}, {@code fill}, {@code equity} and {@code alert} messages. A client that reconnects
 * authenticates again and gets a fresh snapshot. Every message goes out from one dispatcher thread, in
 * order, with non-blocking sends; a session whose token expired or was revoked is closed.
 */
public final class LiveStream implements FleetListener {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    private static final int SNAPSHOT_POINTS = 500;

    private record Client(WsContext ctx, Principal who, String token) {
    }

    private final ObjectMapper json;
    private final Supervisor supervisor;
    private final TokenSessions sessions;
    private final boolean auth;
    private final Set<String> allowedOrigins;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor dispatcher;
    private final AtomicLong dropped = new AtomicLong();

    public LiveStream(ObjectMapper json, Supervisor supervisor, TokenSessions sessions, boolean auth, Set<String> allowedOrigins) {
        this.json = json;
        this.supervisor = supervisor;
        this.sessions = sessions;
        this.auth = auth;
        this.allowedOrigins = allowedOrigins;
        this.dispatcher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "tradekit-control-stream");
            t.setDaemon(true);
            return t;
        }, (task, pool) -> {
            if (dropped.incrementAndGet() % 1000 == 1) log.warn("live stream is behind: {} messages dropped so far", dropped.get());
        });
    }

    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            String origin = ctx.header("Origin");
            if (origin != null && !sameOrigin(origin, ctx.header("Host")) && !allowedOrigins.contains(origin)) {
                ctx.closeSession(4403, "origin not allowed");
            }
        });
        ws.onMessage(ctx -> {
            JsonNode msg;
            try {
                msg = json.readTree(ctx.message());
            } catch (JsonProcessingException e) {
                ctx.closeSession(4400, "messages are JSON");
                return;
            }
            if (!msg.path("type").asText().equals("auth")) {
                send(ctx, Map.of("type", "error", "code", "unknown_message", "message", "the stream accepts only {\"type\":\"auth\"}"));
                return;
            }
            String token = msg.path("token").asText("");
            Optional<Principal> who = auth ? sessions.find(token).map(TokenSessions.Session::principal) : Optional.of(Principal.LOCAL);
            if (who.isEmpty()) {
                ctx.closeSession(4401, "unauthenticated");
                return;
            }
            Client client = new Client(ctx, who.get(), token);
            dispatcher.execute(() -> {
                send(ctx, snapshot(client.who()));
                clients.put(ctx.sessionId(), client);
            });
        });
        ws.onClose(ctx -> clients.remove(ctx.sessionId()));
        ws.onError(ctx -> clients.remove(ctx.sessionId()));
    }

    private static boolean sameOrigin(String origin, String host) {
        return origin.equals("http://" + host) || origin.equals("https://" + host);
    }

    private Map<String, Object> snapshot(Principal who) {
        Map<String, Object> equity = new LinkedHashMap<>();
        List<BotSummary> bots = supervisor.managed().stream().filter(m -> who.sees(m.tenant())).map(m -> {
            List<EquityPoint> curve = m.equityCurve();
            equity.put(m.id(), curve.subList(Math.max(0, curve.size() - SNAPSHOT_POINTS), curve.size()));
            return m.summary();
        }).toList();
        return Map.of("type", "snapshot", "bots", bots, "equity", equity);
    }

    @Override
    public void onStatus(ManagedBot m) {
        publish(m, Map.of("type", "status", "bot", m.id(), "summary", m.summary()));
    }

    @Override
    public void onEvent(ManagedBot m, BotEvent event) {
        Map<String, Object> msg = switch (event) {
            case BotEvent.StateChanged e -> Map.of("type", "state", "bot", m.id(), "time", e.time(), "from", e.from(), "to", e.to(),
                    "actor", e.actor(), "reason", e.reason());
            case BotEvent.OrderSubmitted e -> Map.of("type", "order", "bot", m.id(), "order", e.order());
            case BotEvent.OrderChanged e -> Map.of("type", "order", "bot", m.id(), "order", e.order());
            case BotEvent.FillApplied e -> Map.of("type", "fill", "bot", m.id(), "fill", e.fill(), "position", e.position());
            case BotEvent.RiskAlert e -> alert(m, e.time(), e.level().name(), e.policy() + ": " + e.action() + " (" + e.reason() + ")");
            case BotEvent.OrderDenied e -> alert(m, e.time(), "WARNING", "order denied by " + e.deniedBy() + ": " + e.reason());
            case BotEvent.ErrorOccurred e -> alert(m, e.time(), "WARNING", e.source() + " " + e.category() + ": " + e.message());
            case BotEvent.BarProcessed e -> null;
        };
        if (msg != null) publish(m, msg);
    }

    private static Map<String, Object> alert(ManagedBot m, java.time.Instant time, String level, String message) {
        return Map.of("type", "alert", "bot", m.id(), "time", time, "level", level, "message", message);
    }

    @Override
    public void onEquity(ManagedBot m, EquityPoint point) {
        publish(m, Map.of("type", "equity", "bot", m.id(), "point", point, "summary", m.summary()));
    }

    @Override
    public void onSample(ManagedBot bot, long loopNanos) {
    }

    private void publish(ManagedBot m, Map<String, Object> message) {
        if (clients.isEmpty()) return;
        dispatcher.execute(() -> {
            String text = write(message);
            for (Client c : clients.values()) {
                if (!c.who().sees(m.tenant())) continue;
                if (auth && sessions.find(c.token()).isEmpty()) {
                    clients.remove(c.ctx().sessionId());
                    c.ctx().closeSession(4401, "session expired or revoked");
                    continue;
                }
                sendText(c.ctx(), text);
            }
        });
    }

    private void send(WsContext ctx, Object message) {
        sendText(ctx, write(message));
    }

    private void sendText(WsContext ctx, String text) {
        try {
            if (ctx.session.isOpen()) ctx.session.getRemote().sendString(text, WriteCallback.NOOP);
        } catch (RuntimeException e) {
            clients.remove(ctx.sessionId());
        }
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a stream message: " + e.getOriginalMessage(), e);
        }
    }

    public void close() {
        dispatcher.shutdownNow();
    }
}
