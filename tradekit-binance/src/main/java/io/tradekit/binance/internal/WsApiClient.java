package io.tradekit.binance.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.binance.BinanceConfig;
import io.tradekit.binance.internal.BinanceErrors.Operation;
import io.tradekit.core.net.ReconnectingWebSocket;
import io.tradekit.core.net.RequestBudget;
import io.tradekit.core.net.Stages;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests over Binance's WebSocket API ({@code order.place}, {@code order.cancel}, {@code order.status},
 * {@code openOrders.cancelAll}): one connection, answers matched to requests by {@code id}.
 *
 * <ul>
 *   <li>Every request has a deadline over the whole exchange ({@code requestTimeoutMs}): waiting for a
 *       connection, sending and the answer. A request that was never sent fails as VENUE_UNAVAILABLE; one
 *       that was sent and got no answer in time, or whose connection dropped before the answer, is
 *       UNKNOWN_OUTCOME for a new order (look it up by client order id; it is never sent again here) and
 *       TIMEOUT for the rest.</li>
 *   <li>It takes the same shared weight and order budgets as REST before sending; the {@code rateLimits}
 *       counts of each answer correct them, and a 429/418 (or -1003/-1015) pauses them until the answer's
 *       {@code data.retryAfter}.</li>
 *   <li>SIGNED requests carry {@code apiKey}, {@code recvWindow}, {@code timestamp} and the signature of the
 *       sorted raw parameters (HMAC or Ed25519). With {@code sessionLogon}, each connection first sends a
 *       signed {@code session.logon} and later requests carry only {@code recvWindow} and {@code timestamp}.</li>
 *   <li>A -1021 means the request was refused before processing: the clock is resampled and it is sent
 *       once more, freshly signed.</li>
 *   <li>Connections come back after the socket's capped, jittered backoff; a {@code serverShutdown} event
 *       moves to a new connection at once.</li>
 * </ul>
 */
public final class WsApiClient implements ReconnectingWebSocket.Listener, AutoCloseable {

    public static final String SOURCE = "binance:ws-api";

    /** The request's connection dropped before its answer arrived. */
    private static final class Disconnected extends RuntimeException {
        Disconnected(String reason) {
            super(reason, null, false, false);
        }
    }

    private record Pending(CompletableFuture<JsonNode> answer, long connection) {
    }

    private final BinanceConfig config;
    private final BinanceRestClient rest;
    private final RequestBudget weight;
    private final RequestBudget orders;
    private final StreamEvents sink;
    private final Executor executor;
    private final InstantSource clock;
    private final String apiKey;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private volatile ReconnectingWebSocket socket;
    private long connection;
    private boolean ready;

    public WsApiClient(BinanceConfig config, BinanceRestClient rest, RequestBudget weight, RequestBudget orders, StreamEvents sink,
                       Executor executor, InstantSource clock) {
        this.config = config;
        this.rest = rest;
        this.weight = weight;
        this.orders = orders;
        this.sink = sink;
        this.executor = executor;
        this.clock = clock;
        this.apiKey = config.credentials().map(c -> c.apiKey()).orElse("");
    }

    public synchronized void start() {
        if (socket != null) return;
        socket = new ReconnectingWebSocket("binance ws-api orders", () -> URI.create(config.wsApiUrl().toString()), this,
                config.streamOptions());
        socket.start();
    }

    /**
     * Sends {@code method} with {@code params} and returns the answer's {@code result}. {@code weight} and
     * {@code countsAsOrder} are charged to the shared budgets first; {@code what} names the call in errors.
     */
    public JsonNode call(String method, Map<String, String> params, Operation operation, String what, int weight, boolean countsAsOrder) {
        start();
        long deadline = System.nanoTime() + config.requestTimeout().toNanos();
        this.weight.acquire(weight);
        if (countsAsOrder) orders.acquire(1);
        for (int attempt = 1; ; attempt++) {
            try {
                return once(method, params, operation, what, deadline);
            } catch (ExchangeException e) {
                if (e.category() != ErrorCategory.CLOCK_SKEW || attempt > 1) throw e;
                rest.resyncClock();
            }
        }
    }

    /**
     * Sends {@code method} as {@link #call} does, but only if that needs no wait (an open connection, logged on with
     * {@code sessionLogon}, and room in both budgets): the request is signed and handed to the socket on the calling
     * thread, and the answer completes the stage on the socket's thread, with {@link #call}'s result or the exception it
     * would throw, within the same deadline. A -1021 is sent once more, freshly signed, off the calling thread. Empty, with
     * nothing sent and nothing taken from the budgets, when something would have to be waited for.
     */
    public Optional<CompletableFuture<JsonNode>> callWithoutBlocking(String method, Map<String, String> params, Operation operation,
                                                                      String what, int weight, boolean countsAsOrder) {
        long forConnection;
        synchronized (this) {
            if (socket == null || !ready) return Optional.empty();
            forConnection = connection;
        }
        if (!orders.tryAcquireWith(countsAsOrder ? 1 : 0, this.weight, weight)) return Optional.empty();
        long deadline = System.nanoTime() + config.requestTimeout().toNanos();
        return Optional.of(send(method, params, operation, what, forConnection, deadline).exceptionallyCompose(failure -> {
            Throwable cause = Stages.failure(failure);
            if (!(cause instanceof ExchangeException e) || e.category() != ErrorCategory.CLOCK_SKEW) {
                return CompletableFuture.failedFuture(cause);
            }
            return CompletableFuture.supplyAsync(() -> {
                rest.resyncClock();
                return once(method, params, operation, what, deadline);
            }, executor);
        }));
    }

    private JsonNode once(String method, Map<String, String> params, Operation operation, String what, long deadline) {
        long forConnection = awaitReady(what, deadline);
        try {
            return send(method, params, operation, what, forConnection, deadline).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw unanswered(operation, what, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unanswered(operation, what, "interrupted while waiting for the answer");
        }
    }

    /**
     * Signs {@code method} and sends it on connection {@code forConnection}. The stage completes with the answer's
     * {@code result}, or exceptionally (wrapped in a {@link CompletionException}) with the {@link ExchangeException}
     * that says what happened: not sent, refused by the venue, or sent and unanswered by {@code deadline}.
     */
    private CompletableFuture<JsonNode> send(String method, Map<String, String> params, Operation operation, String what,
                                             long forConnection, long deadline) {
        String id = "o-" + ids.incrementAndGet();
        String request = signedRequest(id, method, params);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, new Pending(answer, forConnection));
        ReconnectingWebSocket s = socket;
        if (s == null || !s.send(request)) {
            pending.remove(id);
            return CompletableFuture.failedFuture(
                    notSent(what, "the WebSocket API connection dropped before the request went out; nothing was sent"));
        }
        return answer.orTimeout(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).handle((root, failure) -> {
            pending.remove(id);
            if (failure == null) return result(root, operation, what);
            Throwable cause = Stages.failure(failure);
            if (cause instanceof TimeoutException) {
                throw unanswered(operation, what, "no answer within " + config.requestTimeout().toMillis() + " ms");
            }
            throw unanswered(operation, what, cause.getMessage());
        });
    }

    /**
     * The text of a signed request {@code id} for {@code method}: parameters, {@code recvWindow}, a
     * server-clock {@code timestamp} and (without a logged-on session) {@code apiKey} and the signature.
     */
    public String signedRequest(String id, String method, Map<String, String> params) {
        return request(id, method, params, true);
    }

    /**
     * The JSON request text; signed ones get their auth parameters and signature here, after any wait for
     * budget. Written straight to text (values escaped as JSON strings), not built as a tree first: every
     * order over the WebSocket API goes through here.
     */
    private String request(String id, String method, Map<String, String> params, boolean signed) {
        Map<String, String> all = new TreeMap<>(params);
        boolean loggedOn = config.sessionLogon() && !method.equals("session.logon");
        if (signed) {
            all.put("recvWindow", Long.toString(config.recvWindowMillis()));
            all.put("timestamp", Long.toString(rest.serverMillis()));
            if (!loggedOn) {
                all.put("apiKey", apiKey);
                all.put("signature", rest.signer().sign(BinanceSigner.webSocketPayload(all)));
            }
        }
        StringBuilder json = new StringBuilder(128 + 48 * all.size()).append("{\"id\":");
        quoted(id, json).append(",\"method\":");
        quoted(method, json).append(",\"params\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (!first) json.append(',');
            first = false;
            quoted(e.getKey(), json).append(':');
            String name = e.getKey();
            if (name.equals("timestamp") || name.equals("recvWindow")) json.append(Long.parseLong(e.getValue()));
            else quoted(e.getValue(), json);
        }
        return json.append("}}").toString();
    }

    private static StringBuilder quoted(String value, StringBuilder json) {
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, json);
        return json.append('"');
    }

    /** Waits until a connection is open (and logged on, with {@code sessionLogon}); returns its number. */
    private synchronized long awaitReady(String what, long deadline) {
        while (!ready) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw notSent(what, "no WebSocket API connection within " + config.requestTimeout().toMillis() + " ms; nothing was sent");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notSent(what, "interrupted while waiting for a connection; nothing was sent");
            }
        }
        return connection;
    }

    private JsonNode result(JsonNode root, Operation operation, String what) {
        observeUsage(root.path("rateLimits"));
        int status = root.path("status").asInt(0);
        if (status == 200 && root.has("result")) {
            return root.get("result");
        }
        JsonNode error = root.path("error");
        Integer code = error.path("code").canConvertToInt() ? error.get("code").asInt() : null;
        String message = error.path("msg").asText("");
        Duration retryAfter = retryAfter(error);
        if (status == 429 || status == 418 || (code != null && (code == -1003 || code == -1015))) {
            Duration pause = retryAfter != null ? retryAfter : Duration.ofSeconds(code != null && code == -1015 ? 10 : 60);
            if (code != null && code == -1015) orders.pauseFor(pause);
            else weight.pauseFor(pause);
            retryAfter = pause;
        }
        if (status == 0) {
            throw new ExchangeException(BinanceErrors.VENUE, operation.changesAnOrder() ? ErrorCategory.UNKNOWN_OUTCOME : ErrorCategory.MALFORMED_DATA,
                    operation.changesAnOrder() ? RecoveryAction.RESYNC_STATE : RecoveryAction.SKIP, "",
                    "binance " + what + ": the answer has no status: " + StreamEvents.truncate(root.toString(), 200), null, null);
        }
        throw BinanceErrors.toException(what, operation, status, code, message, retryAfter);
    }

    /** {@code data.retryAfter} (epoch milliseconds when the limit or ban ends) as a wait from now. */
    private Duration retryAfter(JsonNode error) {
        JsonNode until = error.path("data").path("retryAfter");
        if (!until.canConvertToLong()) return null;
        return Duration.ofMillis(Math.max(0, until.asLong() - clock.millis()));
    }

    private void observeUsage(JsonNode rateLimits) {
        if (!rateLimits.isArray()) return;
        for (JsonNode limit : rateLimits) {
            if (!limit.path("count").canConvertToLong()) continue;
            long count = limit.get("count").asLong();
            String type = limit.path("rateLimitType").asText("");
            String interval = limit.path("interval").asText("") + limit.path("intervalNum").asInt();
            if (type.equals("REQUEST_WEIGHT") && interval.equals("MINUTE1")) weight.observeUsed(count);
            if (type.equals("ORDERS") && interval.equals("SECOND10")) orders.observeUsed(count);
        }
    }

    private static ExchangeException notSent(String what, String why) {
        return new ExchangeException(BinanceErrors.VENUE, ErrorCategory.VENUE_UNAVAILABLE, RecoveryAction.BACK_OFF, "",
                "binance " + what + ": " + why, null, null);
    }

    /** Sent, but no answer: a new order may exist (look it up, never resend); anything else timed out. */
    private static ExchangeException unanswered(Operation operation, String what, String why) {
        if (operation.changesAnOrder()) {
            return new ExchangeException(BinanceErrors.VENUE, ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE, "",
                    "binance " + what + ": " + why + " after sending; it may have taken effect, look it up by its client order id", null, null);
        }
        return new ExchangeException(BinanceErrors.VENUE, ErrorCategory.TIMEOUT, RecoveryAction.RETRY, "",
                "binance " + what + ": " + why + " after sending", null, null);
    }

    @Override
    public void onOpen(ReconnectingWebSocket s, boolean reconnect) {
        synchronized (this) {
            connection++;
            ready = !config.sessionLogon();
            if (ready) {
                notifyAll();
            }
        }
        if (config.sessionLogon()) {
            executor.execute(this::logon);
        } else {
            s.markHealthy();
        }
    }

    /** {@code session.logon}: one signed request, after which the connection's requests need no signature. */
    private void logon() {
        long forConnection;
        synchronized (this) {
            forConnection = connection;
        }
        String id = "logon-" + ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, new Pending(answer, forConnection));
        ReconnectingWebSocket s = socket;
        try {
            if (s == null || !s.send(request(id, "session.logon", Map.of(), true))) return;
            JsonNode root = answer.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            result(root, Operation.OTHER, "session.logon");
            synchronized (this) {
                if (forConnection == connection) {
                    ready = true;
                    notifyAll();
                }
            }
            s.markHealthy();
        } catch (ExchangeException e) {
            sink.error(SOURCE, e.category(), "session.logon refused: " + e.getMessage(), "");
            if (s != null) s.reconnectAfterFailure("session.logon refused", e.retryAfter().orElse(Duration.ZERO));
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            sink.error(SOURCE, ErrorCategory.TIMEOUT, "session.logon got no answer: " + e.getMessage(), "");
            if (s != null) s.reconnectAfterFailure("session.logon unanswered", Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void onText(String text) {
        JsonNode root;
        try {
            root = VenueJson.read(text);
        } catch (RuntimeException e) {
            sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unreadable WebSocket API frame: " + e.getMessage(), text);
            return;
        }
        if (WebSocketApiEvents.isServerShutdown(root)) {
            ReconnectingWebSocket s = socket;
            if (s != null) s.reconnectNow("the venue announced a server shutdown");
            return;
        }
        String id = root.path("id").asText("");
        Pending waiting = pending.get(id);
        if (waiting == null && (id.startsWith("o-") || id.startsWith("logon-"))) {
            return; // the late answer to a request that already ended (its deadline passed): it was reported then
        }
        if (waiting == null) {
            sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "WebSocket API answer to no pending request", text);
            return;
        }
        waiting.answer().complete(root);
    }

    @Override
    public void onState(ConnectionState state, String detail) {
        if (state == ConnectionState.CONNECTED) return;
        long dropped;
        synchronized (this) {
            ready = false;
            dropped = connection;
        }
        // answers to requests sent on the lost connection will never come
        for (Pending p : pending.values()) {
            if (p.connection() <= dropped) p.answer().completeExceptionally(new Disconnected("connection lost (" + detail + ")"));
        }
        sink.post(new Event.ConnectionChanged(BinanceErrors.VENUE, "ws-api", state, detail, clock.instant()));
    }

    @Override
    public void onRejected(String reason) {
        sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "WebSocket API message refused: " + reason, "");
    }

    @Override
    public void close() {
        ReconnectingWebSocket s = socket;
        if (s != null) s.close();
        for (Pending p : pending.values()) p.answer().completeExceptionally(new Disconnected("closed"));
    }
}
