package io.tradekit.advisor.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * Ollama's chat: {@code POST {base}/api/chat} with a body of {@code model}, {@code messages} (a {@code system} and a
 * {@code user} message), {@code stream: false} (one JSON answer, not a stream of lines) and {@code format: "json"};
 * the text is {@code message.content}. A local Ollama needs no key; one given is sent as a bearer token (for a
 * server behind a proxy).
 */
public final class OllamaChat implements ChatProtocol {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public HttpRequest.Builder request(LlmEndpoint endpoint, String system, String user) {
        ObjectNode body = JSON.createObjectNode().put("model", endpoint.model());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        body.put("stream", false).put("format", "json");
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve("/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        endpoint.apiKey().ifPresent(k -> b.header("Authorization", "Bearer " + k.reveal()));
        return b;
    }

    @Override
    public Optional<String> text(JsonNode answer) {
        JsonNode content = answer.path("message").path("content");
        return content.isTextual() ? Optional.of(content.asText()) : Optional.empty();
    }
}
