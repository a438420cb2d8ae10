package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.binance.internal.BinanceErrors.Operation;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Where order requests go: REST, or the WebSocket API when {@code orderChannel} is {@code websocket}. Both
 * take the same parameters and answer with the same JSON, so the adapter's mapping is one for both; only
 * the name of the call in error messages differs ({@code POST /api/v3/order} or {@code order.place}).
 */
public final class OrderCalls {

    private final BinanceRestClient rest;
    private final WsApiClient webSocket;
    private final Executor retries;

    /**
     * @param webSocket the WebSocket API client, or null to send everything over REST
     * @param retries where what follows a failed first attempt of a call sent without blocking runs (it may wait)
     */
    public OrderCalls(BinanceRestClient rest, WsApiClient webSocket, Executor retries) {
        this.rest = rest;
        this.webSocket = webSocket;
        this.retries = retries;
    }

    /** Calls {@code endpoint} (or its WebSocket API method) and reads the answer with {@code reader}. */
    public <T> T call(Endpoint endpoint, QueryString params, Operation operation, String details, Function<JsonNode, T> reader) {
        String what = name(endpoint) + " (" + details + ")";
        return rest.read(what, operation, call(endpoint, params, operation, what), reader);
    }

    /**
     * Calls {@code endpoint} without blocking the calling thread (see {@link WsApiClient#callWithoutBlocking} and
     * {@link BinanceRestClient#callWithoutBlocking}) and reads the answer with {@code reader} as {@link #call} does, on
     * the thread the answer arrives on. Empty, with nothing sent, when the call would have to wait.
     */
    public <T> Optional<CompletableFuture<T>> callWithoutBlocking(Endpoint endpoint, QueryString params, Operation operation,
                                                                  String details, Function<JsonNode, T> reader) {
        String what = name(endpoint) + " (" + details + ")";
        Optional<CompletableFuture<JsonNode>> sent = webSocket != null && endpoint.webSocketMethod().isPresent()
                ? webSocket.callWithoutBlocking(endpoint.webSocketMethod().get(), params.values(), operation, what, endpoint.weight(),
                        endpoint.countsAsOrder())
                : rest.callWithoutBlocking(endpoint, params, operation, what, retries);
        return sent.map(answer -> answer.thenApply(json -> rest.read(what, operation, json, reader)));
    }

    /** The raw answer of {@code endpoint}, for callers that read it in parts. */
    public JsonNode call(Endpoint endpoint, QueryString params, Operation operation, String what) {
        if (webSocket != null && endpoint.webSocketMethod().isPresent()) {
            return webSocket.call(endpoint.webSocketMethod().get(), params.values(), operation, what, endpoint.weight(), endpoint.countsAsOrder());
        }
        return rest.call(endpoint, params, operation, what);
    }

    /** How {@code endpoint} is named in messages on the channel it is sent over. */
    public String name(Endpoint endpoint) {
        return webSocket != null && endpoint.webSocketMethod().isPresent() ? endpoint.webSocketMethod().get() : endpoint.toString();
    }

    public boolean overWebSocket() {
        return webSocket != null;
    }
}
