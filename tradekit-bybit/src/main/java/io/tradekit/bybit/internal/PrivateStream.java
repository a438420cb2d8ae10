package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.bybit.BybitConfig;
import io.tradekit.core.net.ReconnectingWebSocket;
import io.tradekit.core.net.ResyncGate;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The account's orders, fills and positions over Bybit's private WebSocket. On every connection it sends
 * {@code {"op":"auth","args":[apiKey, expires, signature]}} (signature over {@code "GET/realtime" +
 * expires}), then subscribes to {@code order}, {@code execution} and {@code wallet}, and on linear also
 * {@code position}.
 *
 * <p>An {@code execution} becomes what {@link AccountExecutions} says (a {@code Trade} a
 * {@link Event.FillReceived} with fill id = {@code execId}, a {@code Funding} an {@link Event.FundingSettled},
 * a {@code BustTrade} an {@link Event.PositionLiquidated}); an {@code order} entry becomes
 * {@link Event.OrderUpdated}; a {@code position} entry is handed to the adapter's position listener. Wallet
 * pushes carry nothing an order needs (balances are read over REST when asked).
 *
 * <p>After a reconnect the stream is not trusted until the adapter has resynced over REST (fills since
 * shortly before the drop, open orders, orders that were open): those are posted first, then what
 * arrived meanwhile, in order. Only then is the stream reported CONNECTED.
 */
public final class PrivateStream implements ReconnectingWebSocket.Listener, AutoCloseable {

    public static final String SOURCE = "bybit:private-stream";
    private static final Duration AUTH_VALIDITY = Duration.ofSeconds(10);

    /** The REST view of the account since {@code since}: fills first, then order states. */
    @FunctionalInterface
    public interface Resync {
        List<Event> since(Instant since);
    }

    private final BybitConfig config;
    private final BybitRestClient rest;
    private final BybitSigner signer;
    private final String apiKey;
    private final StreamEvents events;
    private final Resync resync;
    private final Consumer<OrderUpdate> onUpdate;
    private final AccountExecutions executions;
    private final Consumer<JsonNode> onPosition;
    private final Executor executor;
    private final InstantSource clock;
    private final Heartbeat heartbeat;
    private final AtomicLong requestIds = new AtomicLong();

    private final ResyncGate<JsonNode> gate;
    private volatile ReconnectingWebSocket socket;

    public PrivateStream(BybitConfig config, BybitRestClient rest, StreamEvents events, Resync resync, Consumer<OrderUpdate> onUpdate,
                         AccountExecutions executions, Consumer<JsonNode> onPosition, Executor executor, InstantSource clock) {
        this.config = config;
        this.rest = rest;
        this.signer = new BybitSigner(config.credentials().orElseThrow().secret());
        this.apiKey = config.credentials().orElseThrow().apiKey();
        this.events = events;
        this.resync = resync;
        this.onUpdate = onUpdate;
        this.executions = executions;
        this.onPosition = onPosition;
        this.executor = executor;
        this.clock = clock;
        this.heartbeat = new Heartbeat(SOURCE, config.pingInterval(), config.silenceTimeout(), events, clock::millis);
        this.gate = new ResyncGate<>(events, this::handle, clock);
    }

    public synchronized void start() {
        if (socket != null) return;
        socket = new ReconnectingWebSocket("bybit private", () -> config.privateStreamUrl(), this, Heartbeat.socketOptions(config));
        heartbeat.watch(socket, gate::isTrusted);
        socket.start();
    }

    @Override
    public void onOpen(ReconnectingWebSocket s, boolean reconnect) {
        heartbeat.opened();
        gate.opened();
        executor.execute(this::authenticate);
    }

    /** Sends the auth request; {@code expires} is on the server's clock (sampled over REST if needed). */
    private void authenticate() {
        try {
            long expires = rest.serverMillis() + AUTH_VALIDITY.toMillis();
            ObjectNode auth = VenueJson.MAPPER.createObjectNode();
            auth.put("req_id", "auth-" + requestIds.incrementAndGet());
            auth.put("op", "auth");
            auth.putArray("args").add(apiKey).add(expires).add(signer.signAuth(expires));
            ReconnectingWebSocket s = socket;
            if (s != null) s.send(auth.toString()); // false: dropped already; the next open authenticates again
        } catch (RuntimeException e) {
            events.error(SOURCE, e instanceof TradeKitException t ? t.category() : ErrorCategory.INTERNAL,
                    "could not authenticate the private stream: " + e.getMessage(), "");
            ReconnectingWebSocket s = socket;
            if (s != null) s.reconnectNow("private stream auth could not be sent");
        }
    }

    @Override
    public void onText(String text) {
        if (!heartbeat.accept(text)) return;
        JsonNode root;
        try {
            root = VenueJson.read(text);
        } catch (RuntimeException e) {
            events.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unreadable private frame: " + e.getMessage(), text);
            return;
        }
        if (root.hasNonNull("topic")) {
            gate.offer(root, text);
            return;
        }
        String op = root.path("op").asText("");
        switch (op) {
            case "ping", "pong" -> {
                // the heartbeat saw the frame
            }
            case "auth" -> authenticated(root, text);
            case "subscribe" -> subscribed(root, text);
            default -> events.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unexpected private frame", text);
        }
    }

    private void authenticated(JsonNode root, String text) {
        if (!root.path("success").asBoolean(false)) {
            events.error(SOURCE, ErrorCategory.AUTH, "private stream auth refused: " + root.path("ret_msg").asText(""), text);
            return;
        }
        ObjectNode subscribe = VenueJson.MAPPER.createObjectNode();
        subscribe.put("req_id", "sub-" + requestIds.incrementAndGet());
        subscribe.put("op", "subscribe");
        var topics = subscribe.putArray("args").add("order").add("execution").add("wallet");
        if (config.category().isDerivative()) topics.add("position");
        ReconnectingWebSocket s = socket;
        if (s != null) s.send(subscribe.toString());
    }

    private void subscribed(JsonNode root, String text) {
        if (!root.path("success").asBoolean(false)) {
            events.error(SOURCE, ErrorCategory.MALFORMED_DATA, "private subscription refused: " + root.path("ret_msg").asText(""), text);
            return;
        }
        gate.subscribed(executor, resync::since, resynced -> events.post(new Event.ConnectionChanged(BybitErrors.VENUE, "private",
                ConnectionState.CONNECTED, resynced == 0 ? "private stream subscribed"
                        : "private stream subscribed; resynced " + resynced + " events over REST", clock.instant())));
    }

    private void handle(JsonNode root, String raw) {
        String topic = root.path("topic").asText();
        try {
            JsonNode data = VenueJson.array(root, "data");
            switch (topic) {
                case "execution", "execution.spot" -> {
                    for (JsonNode e : data) executions.event(e).ifPresent(events::post);
                }
                case "order", "order.spot" -> {
                    for (JsonNode o : data) {
                        OrderUpdate update = OrderMapping.update(o);
                        onUpdate.accept(update);
                        events.post(new Event.OrderUpdated(update));
                    }
                }
                case "position", "position.linear" -> {
                    for (JsonNode p : data) onPosition.accept(p);
                }
                case "wallet" -> {
                    // balances are read over REST when asked; a wallet push carries nothing an order or fill needs
                }
                default -> events.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unknown private topic '" + topic + "'", raw == null ? root.toString() : raw);
            }
        } catch (RuntimeException e) {
            events.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unreadable " + topic + " push: " + e.getMessage(), raw == null ? root.toString() : raw);
        }
    }

    /** The socket refused an inbound message (over its size limit) and is replacing the connection: an error event, never silence. */
    @Override
    public void onRejected(String reason) {
        events.error(SOURCE, ErrorCategory.MALFORMED_DATA, reason, "");
    }

    @Override
    public void onState(ConnectionState state, String detail) {
        if (state == ConnectionState.CONNECTED) {
            return; // reported once authenticated, subscribed and resynced
        }
        gate.down();
        events.post(new Event.ConnectionChanged(BybitErrors.VENUE, "private", state, detail, clock.instant()));
    }

    public long openCount() {
        ReconnectingWebSocket s = socket;
        return s == null ? 0 : s.openCount();
    }

    @Override
    public void close() {
        heartbeat.close();
        ReconnectingWebSocket s = socket;
        if (s != null) s.close();
    }
}
