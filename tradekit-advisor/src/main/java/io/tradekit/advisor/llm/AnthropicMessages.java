package io.tradekit.advisor.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * Anthropic's Messages API: {@code POST {base}/v1/messages} with the headers {@code x-api-key},
 * {@code anthropic-version: 2023-06-01} and {@code content-type: application/json}, a body of {@code model},
 * {@code max_tokens}, {@code system} and one {@code user} message; the text is the {@code text} of the
 * {@code content[]} blocks of type {@code text}, joined.
 */
public final class AnthropicMessages implements ChatProtocol {

    /** The API version this format follows. */
    public static final String VERSION = "2023-06-01";
    private static final int MAX_TOKENS = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The protocol holds no state: one instance serves every request. */
    public AnthropicMessages() {
    }

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public HttpRequest.Builder request(LlmEndpoint endpoint, String system, String user) {
        ObjectNode body = JSON.createObjectNode().put("model", endpoint.model()).put("max_tokens", MAX_TOKENS).put("system", system);
        body.putArray("messages").addObject().put("role", "user").put("content", user);
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve("/v1/messages"))
                .header("content-type", "application/json")
                .header("anthropic-version", VERSION)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        endpoint.apiKey().ifPresent(k -> b.header("x-api-key", k.reveal()));
        return b;
    }

    @Override
    public Optional<String> text(JsonNode answer) {
        JsonNode content = answer.path("content");
        if (!content.isArray()) return Optional.empty();
        StringBuilder text = new StringBuilder();
        boolean any = false;
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                text.append(block.path("text").asText());
                any = true;
            }
        }
        return any ? Optional.of(text.toString()) : Optional.empty();
    }
}
