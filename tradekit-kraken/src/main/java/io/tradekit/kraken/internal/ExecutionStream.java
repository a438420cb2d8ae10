package io.tradekit.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.core.net.ResyncGate;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;
import io.tradekit.kraken.KrakenConfig;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The account's orders and fills over Kraken's authenticated WebSocket v2 {@code executions} channel.
 * On every connection a fresh token is fetched over REST ({@code GetWebSocketsToken}: a token must be
 * used within 15 minutes) and the channel is subscribed with {@code snap_orders}: the open orders arrive
 * as a snapshot, then updates.
 *
 * <p>An entry with {@code exec_type} {@code trade} becomes a {@link Event.FillReceived} (fill id =
 * {@code exec_id}, the trade's id, as {@code TradesHistory} names it), followed by an
 * {@link Event.OrderUpdated}; other entries become order updates.
 *
 * <p>After a reconnect the stream is not trusted until the adapter has resynced over REST (trades since
 * shortly before the drop, open orders, orders that were open): those events are posted first, then
 * what arrived meanwhile. Only then is the stream reported CONNECTED.
 */
public final class ExecutionStream implements V2Connection.Handler, AutoCloseable {

    public static final String SOURCE = "kraken:executions";

    /** The REST view of the account since {@code since}: fills first, then order states. */
    @FunctionalInterface
    public interface Resync {
        List<Event> since(Instant since);
    }

    private final KrakenConfig config;
    private final StreamEvents poster;
    private final Supplier<String> token;
    private final Resync resync;
    private final Consumer<OrderMapping.Execution> onExecution;
    private final Function<String, Optional<Pair>> pairs;
    private final Executor executor;
    private final InstantSource clock;
    private final ResyncGate<JsonNode> gate;
    private volatile V2Connection connection;
    private Long pendingSubscription;

    public ExecutionStream(KrakenConfig config, StreamEvents poster, Supplier<String> token, Resync resync,
                           Consumer<OrderMapping.Execution> onExecution, Function<String, Optional<Pair>> pairs,
                           Executor executor, InstantSource clock) {
        this.config = config;
        this.poster = poster;
        this.token = token;
        this.resync = resync;
        this.onExecution = onExecution;
        this.pairs = pairs;
        this.executor = executor;
        this.clock = clock;
        this.gate = new ResyncGate<>(poster, this::handle, clock);
    }

    public synchronized void start() {
        if (connection != null) return;
        connection = new V2Connection("kraken executions", SOURCE, config.wsAuthUrl(), config, poster, this);
        connection.start();
    }

    @Override
    public void opened(boolean reconnect) {
        gate.opened();
        executor.execute(this::subscribe);
    }

    private void subscribe() {
        V2Connection c = connection;
        try {
            String t = token.get();
            long reqId = c.nextRequestId();
            ObjectNode m = VenueJson.MAPPER.createObjectNode();
            m.put("method", "subscribe");
            ObjectNode p = m.putObject("params");
            p.put("channel", "executions");
            p.put("token", t);
            p.put("snap_orders", true);
            p.put("snap_trades", false);
            m.put("req_id", reqId);
            synchronized (this) {
                pendingSubscription = reqId;
            }
            c.send(m.toString()); // if the connection dropped already, the next open subscribes again
        } catch (RuntimeException e) {
            poster.error(SOURCE, e instanceof TradeKitException t ? t.category() : ErrorCategory.INTERNAL,
                    "could not subscribe to executions: " + e.getMessage(), "");
            c.reconnectAfter(config.reconnectMax(), "executions subscription could not be sent");
        }
    }

    @Override
    public void frame(JsonNode root, String raw) {
        if (root.has("method")) {
            answer(root, raw);
            return;
        }
        if (!root.path("channel").asText("").equals("executions")) {
            poster.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unexpected channel '" + root.path("channel").asText("") + "'", raw);
            return;
        }
        gate.offer(root, raw);
    }

    private void answer(JsonNode root, String raw) {
        if (!root.path("method").asText("").equals("subscribe")) return;
        long reqId = root.path("req_id").asLong(-1);
        synchronized (this) {
            if (pendingSubscription == null || pendingSubscription != reqId) return;
            pendingSubscription = null;
        }
        if (!root.path("success").asBoolean(false)) {
            poster.error(SOURCE, ErrorCategory.AUTH, "executions subscription refused: " + root.path("error").asText("no reason given"), raw);
            connection.reconnectAfter(config.reconnectMax(), "executions subscription refused");
            return;
        }
        gate.subscribed(executor, resync::since, resynced -> poster.post(new Event.ConnectionChanged(KrakenErrors.VENUE, "executions",
                ConnectionState.CONNECTED, resynced == 0 ? "executions subscribed" : "executions subscribed; resynced " + resynced + " events over REST",
                clock.instant())));
    }

    private void handle(JsonNode root, String raw) {
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            poster.error(SOURCE, ErrorCategory.MALFORMED_DATA, "executions frame has no data array", raw == null ? root.toString() : raw);
            return;
        }
        for (JsonNode entry : data) {
            try {
                String wsSymbol = VenueJson.text(entry, "symbol");
                Optional<Pair> pair = pairs.apply(wsSymbol);
                String symbol = pair.map(Pair::symbol).orElse(wsSymbol);
                String feeAsset = pair.map(p -> p.instrument().quoteAsset()).orElse("");
                OrderMapping.Execution e = OrderMapping.execution(entry, symbol, feeAsset);
                onExecution.accept(e);
                e.fill().ifPresent(f -> poster.post(new Event.FillReceived(f)));
                if (e.update().status() != OrderStatus.PENDING_NEW) {
                    poster.post(new Event.OrderUpdated(e.update()));
                }
            } catch (RuntimeException ex) {
                poster.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unreadable execution: " + ex.getMessage(), entry.toString());
            }
        }
    }

    @Override
    public void state(ConnectionState state, String detail) {
        if (state == ConnectionState.CONNECTED) {
            return; // reported once subscribed and resynced
        }
        gate.down();
        poster.post(new Event.ConnectionChanged(KrakenErrors.VENUE, "executions", state, detail, clock.instant()));
    }

    public long openCount() {
        V2Connection c = connection;
        return c == null ? 0 : c.openCount();
    }

    @Override
    public void close() {
        V2Connection c = connection;
        if (c != null) c.close();
    }
}
