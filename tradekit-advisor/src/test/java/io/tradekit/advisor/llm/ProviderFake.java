package io.tradekit.advisor.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;

import java.util.Optional;
import java.util.function.Function;

/**
 * A provider's side of one chat turn, written from its documentation: where the request goes, how the provider checks
 * it (key header, body shape), the error it answers when the check fails, how it wraps the model's text, and where
 * the user's message is in the request.
 */
record ProviderFake(String name, ChatProtocol protocol, String path, RequestCheck check, Function<String, String> wrap,
                    Function<JsonNode, String> userText) {

    static final String KEY = "sk-test-9f8e7d6c5b4a39281706";
    static final String MODEL = "test-model-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A refusal: the status and body a provider answers; empty when the request passes. */
    @FunctionalInterface
    interface RequestCheck {
        Optional<Refusal> check(Headers headers, JsonNode body);
    }

    record Refusal(int status, String body) {
    }

    @Override
    public String toString() {
        return name;
    }

    static ProviderFake openAi() {
        return new ProviderFake("openai", new OpenAiChat(), "/v1/chat/completions", (h, b) -> {
            if (!("Bearer " + KEY).equals(h.getFirst("Authorization"))) {
                return refusal(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
            }
            boolean messagesOk = b.path("messages").isArray() && b.path("messages").size() > 0;
            for (JsonNode m : b.path("messages")) messagesOk &= m.path("role").isTextual() && m.path("content").isTextual();
            if (!jsonContent(h) || !b.path("model").isTextual() || !messagesOk) {
                return refusal(400, "{\"error\":{\"message\":\"'messages' is a required property\",\"type\":\"invalid_request_error\"}}");
            }
            if (!"json_object".equals(b.path("response_format").path("type").asText())) {
                return refusal(400, "{\"error\":{\"message\":\"response_format.type must be json_object here\",\"type\":\"invalid_request_error\"}}");
            }
            return Optional.empty();
        }, text -> {
            ObjectNode a = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1767614400).put("model", MODEL);
            ObjectNode choice = a.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", text);
            a.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 30).put("total_tokens", 150);
            return a.toString();
        }, b -> b.path("messages").path(1).path("content").asText());
    }

    static ProviderFake anthropic() {
        return new ProviderFake("anthropic", new AnthropicMessages(), "/v1/messages", (h, b) -> {
            if (!KEY.equals(h.getFirst("x-api-key"))) {
                return refusal(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}");
            }
            if (h.getFirst("anthropic-version") == null) {
                return refusal(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"anthropic-version: header is required\"}}");
            }
            boolean messagesOk = b.path("messages").isArray() && b.path("messages").size() > 0;
            for (JsonNode m : b.path("messages")) {
                messagesOk &= ("user".equals(m.path("role").asText()) || "assistant".equals(m.path("role").asText())) && m.path("content").isTextual();
            }
            if (!jsonContent(h) || !b.path("model").isTextual() || !b.path("max_tokens").canConvertToInt() || b.path("max_tokens").asInt() < 1
                    || !messagesOk || (b.has("system") && !b.path("system").isTextual())) {
                return refusal(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"max_tokens: Field required\"}}");
            }
            return Optional.empty();
        }, text -> {
            ObjectNode a = JSON.createObjectNode().put("id", "msg_01XFDUDYJgAACzvnptvVoYEL").put("type", "message").put("role", "assistant")
                    .put("model", MODEL).put("stop_reason", "end_turn").putNull("stop_sequence");
            a.putArray("content").addObject().put("type", "text").put("text", text);
            a.putObject("usage").put("input_tokens", 120).put("output_tokens", 30);
            return a.toString();
        }, b -> b.path("messages").path(0).path("content").asText());
    }

    static ProviderFake gemini() {
        return new ProviderFake("gemini", new GeminiGenerateContent(), "/v1beta/models/" + MODEL + ":generateContent", (h, b) -> {
            if (!KEY.equals(h.getFirst("x-goog-api-key"))) {
                return refusal(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\",\"status\":\"INVALID_ARGUMENT\"}}");
            }
            boolean contentsOk = b.path("contents").isArray() && b.path("contents").size() > 0;
            for (JsonNode c : b.path("contents")) {
                contentsOk &= c.path("parts").isArray() && c.path("parts").size() > 0 && c.path("parts").path(0).path("text").isTextual();
            }
            if (!jsonContent(h) || !contentsOk) {
                return refusal(400, "{\"error\":{\"code\":400,\"message\":\"* GenerateContentRequest.contents: contents is not specified\",\"status\":\"INVALID_ARGUMENT\"}}");
            }
            return Optional.empty();
        }, text -> {
            ObjectNode a = JSON.createObjectNode();
            ObjectNode candidate = a.putArray("candidates").addObject().put("finishReason", "STOP").put("index", 0);
            ObjectNode content = candidate.putObject("content").put("role", "model");
            content.putArray("parts").addObject().put("text", text);
            a.putObject("usageMetadata").put("promptTokenCount", 120).put("candidatesTokenCount", 30).put("totalTokenCount", 150);
            a.put("modelVersion", MODEL);
            return a.toString();
        }, b -> b.path("contents").path(0).path("parts").path(0).path("text").asText());
    }

    static ProviderFake ollama() {
        return new ProviderFake("ollama", new OllamaChat(), "/api/chat", (h, b) -> {
            if (!b.path("model").isTextual()) return refusal(400, "{\"error\":\"model is required\"}");
            if (!b.path("messages").isArray()) return refusal(400, "{\"error\":\"messages is required\"}");
            // without "stream": false, Ollama answers a stream of JSON lines, not one object
            if (!b.path("stream").isBoolean() || b.path("stream").asBoolean()) {
                return refusal(200, "{\"model\":\"" + MODEL + "\",\"message\":{\"role\":\"assistant\",\"content\":\"{\"},\"done\":false}\n"
                        + "{\"model\":\"" + MODEL + "\",\"message\":{\"role\":\"assistant\",\"content\":\"}\"},\"done\":true}\n");
            }
            return Optional.empty();
        }, text -> {
            ObjectNode a = JSON.createObjectNode().put("model", MODEL).put("created_at", "2026-01-05T12:00:00.000000Z");
            a.putObject("message").put("role", "assistant").put("content", text);
            a.put("done_reason", "stop").put("done", true).put("total_duration", 4_648_158_584L).put("eval_count", 30);
            return a.toString();
        }, b -> b.path("messages").path(1).path("content").asText());
    }

    private static boolean jsonContent(Headers h) {
        return String.valueOf(h.getFirst("Content-Type")).startsWith("application/json");
    }

    private static Optional<Refusal> refusal(int status, String body) {
        return Optional.of(new Refusal(status, body));
    }
}
