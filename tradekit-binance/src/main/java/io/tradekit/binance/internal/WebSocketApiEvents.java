package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Events the WebSocket API pushes on any connection, whatever was subscribed (web-socket-api.md, "Event format"). */
final class WebSocketApiEvents {

    private WebSocketApiEvents() {
    }

    /** {@code {"event":{"e":"serverShutdown",...}}}: the server is about to close the connection; move to a new one now. */
    static boolean isServerShutdown(JsonNode frame) {
        return frame.has("event") && "serverShutdown".equals(frame.get("event").path("e").asText(""));
    }
}
