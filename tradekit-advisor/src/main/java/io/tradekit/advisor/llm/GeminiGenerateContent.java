package io.tradekit.advisor.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * Google's Gemini API: {@code POST {base}/v1beta/models/{model}:generateContent} with the key in
 * {@code x-goog-api-key}, a body of {@code systemInstruction.parts[].text}, {@code contents[]} (one {@code user}
 * turn with {@code parts[].text}) and {@code generationConfig.responseMimeType: application/json}; the text is the
 * {@code text} of {@code candidates[0].content.parts[]}, joined.
 */
public final class GeminiGenerateContent implements ChatProtocol {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The protocol holds no state: one instance serves every request. */
    public GeminiGenerateContent() {
    }

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public HttpRequest.Builder request(LlmEndpoint endpoint, String system, String user) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("systemInstruction").putArray("parts").addObject().put("text", system);
        ObjectNode turn = body.putArray("contents").addObject().put("role", "user");
        turn.putArray("parts").addObject().put("text", user);
        body.putObject("generationConfig").put("responseMimeType", "application/json");
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve("/v1beta/models/" + endpoint.model() + ":generateContent"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        endpoint.apiKey().ifPresent(k -> b.header("x-goog-api-key", k.reveal()));
        return b;
    }

    @Override
    public Optional<String> text(JsonNode answer) {
        JsonNode parts = answer.path("candidates").path(0).path("content").path("parts");
        if (!parts.isArray()) return Optional.empty();
        StringBuilder text = new StringBuilder();
        boolean any = false;
        for (JsonNode part : parts) {
            if (part.path("text").isTextual()) {
                text.append(part.path("text").asText());
                any = true;
            }
        }
        return any ? Optional.of(text.toString()) : Optional.empty();
    }
}
