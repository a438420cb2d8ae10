package io.tradekit.kraken.sim;

import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * WebSocket v2's handshake, except that a handshake the server marked as refused is answered the way
 * Kraken's edge refuses one: an HTTP error status (429, 403, 503) with {@code Retry-After} when it names
 * a wait, instead of {@code 101 Switching Protocols}. Java-WebSocket itself can only refuse with 404.
 */
final class RefusingDraft extends Draft_6455 {

    /** The response field the server sets to the refusal's status; it never goes on the wire. */
    static final String REFUSAL_STATUS = "X-Simulator-Refusal";

    @Override
    public Draft copyInstance() {
        return new RefusingDraft();
    }

    @Override
    public List<ByteBuffer> createHandshake(Handshakedata handshake) {
        return createHandshake(handshake, true);
    }

    @Override
    public List<ByteBuffer> createHandshake(Handshakedata handshake, boolean withContent) {
        if (!(handshake instanceof ServerHandshake) || !handshake.hasFieldValue(REFUSAL_STATUS)) {
            return super.createHandshake(handshake, withContent);
        }
        int status = Integer.parseInt(handshake.getFieldValue(REFUSAL_STATUS));
        String reason = switch (status) {
            case 429 -> "Too Many Requests";
            case 403 -> "Forbidden";
            case 503 -> "Service Unavailable";
            default -> "Refused";
        };
        StringBuilder http = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        if (handshake.hasFieldValue("Retry-After")) http.append("Retry-After: ").append(handshake.getFieldValue("Retry-After")).append("\r\n");
        http.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        return List.of(ByteBuffer.wrap(http.toString().getBytes(StandardCharsets.US_ASCII)));
    }
}
