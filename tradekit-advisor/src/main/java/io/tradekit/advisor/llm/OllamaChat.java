package io.tradekit.advisor.llm;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** The protocol holds no state: one instance serves every request. */
    public OllamaChat() {
    }

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public HttpRequest.Builder request(LlmEndpoint endpoint, String system, String user) {
        ObjectNode body = OpenAiChat.systemAndUser(endpoint.model(), system, user);
        body.put("stream", false).put("format", "json");
        return OpenAiChat.post(endpoint, "/api/chat", body);
    }

    @Override
    public Optional<String> text(JsonNode answer) {
        JsonNode content = answer.path("message").path("content");
        return content.isTextual() ? Optional.of(content.asText()) : Optional.empty();
    }
}
