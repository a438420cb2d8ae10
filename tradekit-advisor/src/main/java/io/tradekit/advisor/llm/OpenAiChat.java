package io.tradekit.advisor.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * OpenAI-compatible chat completions: {@code POST {base}/chat/completions} with {@code Authorization: Bearer <key>}
 * (left out when there is no key), a body of {@code model}, {@code messages} (a {@code system} and a {@code user}
 * message) and {@code response_format: {"type": "json_object"}}; the text is {@code choices[0].message.content}.
 */
public final class OpenAiChat implements ChatProtocol {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The protocol holds no state: one instance serves every request. */
    public OpenAiChat() {
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public HttpRequest.Builder request(LlmEndpoint endpoint, String system, String user) {
        ObjectNode body = systemAndUser(endpoint.model(), system, user);
        body.putObject("response_format").put("type", "json_object");
        return post(endpoint, "/chat/completions", body);
    }

    /** {@code {"model": model, "messages": [system, user]}}: the body OpenAI's and Ollama's chats share. */
    static ObjectNode systemAndUser(String model, String system, String user) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        return body;
    }

    /** A JSON POST of {@code body} to {@code path}, with the key, if any, as a bearer token. */
    static HttpRequest.Builder post(LlmEndpoint endpoint, String path, ObjectNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        endpoint.apiKey().ifPresent(k -> b.header("Authorization", "Bearer " + k.reveal()));
        return b;
    }

    @Override
    public Optional<String> text(JsonNode answer) {
        JsonNode content = answer.path("choices").path(0).path("message").path("content");
        return content.isTextual() ? Optional.of(content.asText()) : Optional.empty();
    }
}
