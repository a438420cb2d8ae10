package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.binance.BinanceConfig;
import io.tradekit.core.net.ReconnectingWebSocket;
import io.tradekit.core.net.ResyncGate;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The account's order updates and fills over the WebSocket API. Listen keys were retired on
 * 2026-02-20; on every connection this sends {@code userDataStream.subscribe.signature} with
 * {@code apiKey}, {@code timestamp} and the HMAC {@code signature} of those, sorted by name.
 *
 * <p>Events arrive as {@code {"subscriptionId":0,"event":{...}}}. An {@code executionReport} becomes a
 * {@link Event.FillReceived} (for a trade, fill id = trade id {@code t}) followed by an
 * {@link Event.OrderUpdated}.
 *
 * <p>The stream is not trusted after a reconnect until the adapter has resynced over REST (open orders,
 * orders that were open, and trades since shortly before the drop): those results are posted first,
 * then the events that arrived meanwhile, in order. Only then is the stream reported CONNECTED.
 *
 * <p>A subscription that cannot be signed (REST refused while sampling the server's clock), is refused
 * (429, 5xx, a bad key) or gets no answer in time gives the connection up; the next one comes after the
 * socket's growing backoff (at least the venue's {@code retryAfter}), so a refusing venue never meets a
 * reconnect storm, and after a few failures in a row the stream is reported DISCONNECTED (stale). A
 * {@code serverShutdown} event makes it reconnect at once, ahead of the cut.
 */
public final class UserStream implements ReconnectingWebSocket.Listener, AutoCloseable {

    public static final String SOURCE = "binance:user-stream";
    private static final int CLOCK_RETRIES = 2;

    /** The REST view of the account since {@code since}: fills first, then order states. */
    @FunctionalInterface
    public interface Resync {
        List<Event> since(Instant since);
    }

    private final BinanceConfig config;
    private final BinanceRestClient rest;
    private final RequestSigner signer;
    private final String apiKey;
    private final StreamEvents sink;
    private final Resync resync;
    private final Consumer<OrderMapping.ExecutionReport> onReport;
    private final Executor executor;
    private final InstantSource clock;
    private final AtomicLong requestIds = new AtomicLong();

    private final ResyncGate<JsonNode> gate;
    private volatile ReconnectingWebSocket socket;
    private String pendingSubscription;
    private int clockRetries;

    public UserStream(BinanceConfig config, BinanceRestClient rest, StreamEvents sink, Resync resync,
                      Consumer<OrderMapping.ExecutionReport> onReport, Executor executor, InstantSource clock) {
        this.config = config;
        this.rest = rest;
        this.signer = rest.signer();
        this.apiKey = config.credentials().orElseThrow().apiKey();
        this.sink = sink;
        this.resync = resync;
        this.onReport = onReport;
        this.executor = executor;
        this.clock = clock;
        this.gate = new ResyncGate<>(sink, this::handle, clock);
    }

    public synchronized void start() {
        if (socket != null) return;
        socket = new ReconnectingWebSocket("binance user data", () -> URI.create(config.wsApiUrl().toString()), this,
                config.streamOptions());
        socket.start();
    }

    @Override
    public void onOpen(ReconnectingWebSocket s, boolean reconnect) {
        gate.opened();
        synchronized (this) {
            clockRetries = 0;
        }
        executor.execute(this::subscribe);
    }

    /** Sends the signed subscription; the timestamp is on the server's clock (sampled over REST if needed). */
    private void subscribe() {
        try {
            Map<String, String> params = new TreeMap<>();
            params.put("apiKey", apiKey);
            params.put("timestamp", Long.toString(rest.serverMillis()));
            String signature = signer.sign(BinanceSigner.webSocketPayload(params));
            String id = "uds-" + requestIds.incrementAndGet();
            ObjectNode request = VenueJson.MAPPER.createObjectNode();
            request.put("id", id);
            request.put("method", "userDataStream.subscribe.signature");
            ObjectNode p = request.putObject("params");
            p.put("apiKey", apiKey);
            p.put("timestamp", Long.parseLong(params.get("timestamp")));
            p.put("signature", signature);
            long forConnection = gate.connection();
            synchronized (this) {
                pendingSubscription = id;
            }
            ReconnectingWebSocket s = socket;
            if (s != null && !s.send(request.toString())) {
                // the connection dropped already; the next open subscribes again
                synchronized (this) {
                    pendingSubscription = null;
                }
                return;
            }
            CompletableFuture.delayedExecutor(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS, executor)
                    .execute(() -> unanswered(id, forConnection));
        } catch (RuntimeException e) {
            sink.error(SOURCE, e instanceof io.tradekit.api.TradeKitException t ? t.category() : ErrorCategory.INTERNAL,
                    "could not subscribe to user data: " + e.getMessage(), "");
            giveUp("user data subscription could not be signed: " + e.getMessage(),
                    e instanceof io.tradekit.api.ExchangeException x ? x.retryAfter().orElse(Duration.ZERO) : Duration.ZERO);
        }
    }

    /** The subscription got no answer in time: the connection is given up like a refusal. */
    private void unanswered(String id, long forConnection) {
        synchronized (this) {
            if (!id.equals(pendingSubscription) || forConnection != gate.connection()) return;
            pendingSubscription = null;
        }
        sink.error(SOURCE, ErrorCategory.TIMEOUT, "user data subscription got no answer within " + config.requestTimeout().toMillis() + " ms", "");
        giveUp("user data subscription unanswered", Duration.ZERO);
    }

    /** Replaces the connection after the socket's backoff (at least {@code atLeast}); the socket reports it down after repeated failures. */
    private void giveUp(String reason, Duration atLeast) {
        ReconnectingWebSocket s = socket;
        if (s != null) s.reconnectAfterFailure(reason, atLeast);
    }

    @Override
    public void onText(String text) {
        JsonNode root;
        try {
            root = VenueJson.read(text);
        } catch (RuntimeException e) {
            sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unreadable user data frame: " + e.getMessage(), text);
            return;
        }
        if (WebSocketApiEvents.isServerShutdown(root)) {
            // announced ahead of the cut: move to a new connection now, trusted or not
            ReconnectingWebSocket s = socket;
            if (s != null) s.reconnectNow("the venue announced a server shutdown");
        } else if (root.has("event")) {
            gate.offer(root.get("event"), text);
        } else if (root.has("id") && root.has("status")) {
            answer(root, text);
        } else {
            sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unexpected user data frame", text);
        }
    }

    private void answer(JsonNode root, String text) {
        String id = root.path("id").asText();
        synchronized (this) {
            if (!id.equals(pendingSubscription)) {
                return;
            }
            pendingSubscription = null;
        }
        int status = root.path("status").asInt();
        if (status == 200) {
            gate.subscribed(executor, resync::since, this::trusted);
            return;
        }
        JsonNode error = root.path("error");
        Integer code = error.has("code") ? error.get("code").asInt() : null;
        String message = error.path("msg").asText("");
        BinanceErrors.Mapping mapping = BinanceErrors.classify(BinanceErrors.Operation.OTHER, status, code, message);
        boolean retryClock;
        synchronized (this) {
            retryClock = mapping.category() == ErrorCategory.CLOCK_SKEW && clockRetries++ < CLOCK_RETRIES;
        }
        if (retryClock) {
            executor.execute(() -> {
                rest.resyncClock();
                subscribe();
            });
            return;
        }
        String refusal = "user data subscription refused: " + (code == null ? "status " + status : code + " " + message)
                + " (" + mapping.meaning() + ")";
        sink.error(SOURCE, mapping.category(), refusal, text);
        giveUp(refusal, retryAfter(error));
    }

    /** A WebSocket API error's {@code data.retryAfter} (epoch milliseconds when the ban or limit ends), as a wait. */
    private Duration retryAfter(JsonNode error) {
        JsonNode until = error.path("data").path("retryAfter");
        if (!until.canConvertToLong()) return Duration.ZERO;
        long wait = until.asLong() - clock.millis();
        return wait > 0 ? Duration.ofMillis(Math.min(wait, config.reconnectMax().toMillis())) : Duration.ZERO;
    }

    /** The subscription is confirmed and the account resynced: the connection is healthy and reported connected. */
    private void trusted(int resynced) {
        ReconnectingWebSocket s = socket;
        if (s != null) s.markHealthy();
        sink.post(new Event.ConnectionChanged(BinanceErrors.VENUE, "user", ConnectionState.CONNECTED,
                resynced == 0 ? "user data subscribed" : "user data subscribed; resynced " + resynced + " events over REST",
                clock.instant()));
    }

    private void handle(JsonNode event, String raw) {
        try {
            switch (event.path("e").asText("")) {
                case "executionReport" -> {
                    OrderMapping.ExecutionReport report = OrderMapping.executionReport(event);
                    onReport.accept(report);
                    report.fill().ifPresent(f -> sink.post(new Event.FillReceived(f)));
                    sink.post(new Event.OrderUpdated(report.update()));
                }
                case "eventStreamTerminated" -> {
                    ReconnectingWebSocket s = socket;
                    if (s != null) s.reconnectNow("user data stream terminated by the venue");
                }
                case "outboundAccountPosition", "balanceUpdate", "listStatus", "externalLockUpdate" -> {
                    // balances are read over REST when asked; these carry nothing an order or fill needs
                }
                default -> sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unknown user data event '" + event.path("e").asText() + "'",
                        raw == null ? event.toString() : raw);
            }
        } catch (RuntimeException e) {
            sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unreadable user data event: " + e.getMessage(), raw == null ? event.toString() : raw);
        }
    }

    @Override
    public void onRejected(String reason) {
        sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "user data message refused: " + reason, "");
    }

    @Override
    public void onState(ConnectionState state, String detail) {
        if (state == ConnectionState.CONNECTED) {
            return; // reported once the subscription is acknowledged and the state resynced
        }
        gate.down();
        sink.post(new Event.ConnectionChanged(BinanceErrors.VENUE, "user", state, detail, clock.instant()));
    }

    public long openCount() {
        ReconnectingWebSocket s = socket;
        return s == null ? 0 : s.openCount();
    }

    @Override
    public void close() {
        ReconnectingWebSocket s = socket;
        if (s != null) s.close();
    }
}
