package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;

import java.util.List;
import java.util.Optional;

/**
 * A frame of a Binance market-stream connection (web-socket-streams.md): an event of a combined stream
 * ({@code {"stream":..., "data":...}}), a raw {@code /ws} event, or the answer to a request
 * ({@code {"result":null,"id":1}} or {@code {"error":{...},"id":1}}); and the {@code SUBSCRIBE} request itself.
 *
 * @param stream the combined stream's name; empty for a raw event or an answer
 * @param data   the event; null for an answer
 * @param answer the answer to a request; null for an event
 */
record MarketFrame(String stream, JsonNode data, JsonNode answer) {

    /** Reads a frame; text that is not JSON throws {@link MalformedMessage}. */
    static MarketFrame read(String text) {
        JsonNode root = VenueJson.read(text);
        JsonNode data = root.get("data");
        if (data != null) {
            return new MarketFrame(root.path("stream").asText(""), data, null);
        }
        if (root.has("id") && (root.has("result") || root.has("error"))) {
            return new MarketFrame("", null, root);
        }
        return new MarketFrame("", root, null);
    }

    boolean isAnswer() {
        return answer != null;
    }

    /** Why the venue refused the request this frame answers; empty when it accepted it. */
    Optional<String> refusal() {
        JsonNode error = answer.get("error");
        return error == null || error.isNull() ? Optional.empty() : Optional.of(error.path("msg").asText(error.toString()));
    }

    /** {@code {"method":"SUBSCRIBE","params":[streams],"id":id}}. */
    static String subscribe(List<String> streams, long id) {
        ObjectNode message = VenueJson.MAPPER.createObjectNode();
        message.put("method", "SUBSCRIBE");
        message.set("params", VenueJson.MAPPER.valueToTree(streams));
        message.put("id", id);
        return message.toString();
    }
}
