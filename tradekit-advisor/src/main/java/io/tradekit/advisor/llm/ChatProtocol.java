package io.tradekit.advisor.llm;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * One provider's wire format for a single chat turn: how a system instruction and a user message become an HTTP
 * request, and where the model's text is in the answer. Implementations: {@link OpenAiChat}, {@link AnthropicMessages},
 * {@link GeminiGenerateContent}, {@link OllamaChat}.
 */
public interface ChatProtocol {

    /**
     * The provider's name in source names and logs, e.g. {@code openai}.
     *
     * @return the provider's name
     */
    String name();

    /**
     * The request for one turn to {@code endpoint}, without a deadline (the caller sets it); the key is sent only when the endpoint has one.
     *
     * @param endpoint the provider's base URL, the model and the API key
     * @param system   the system instruction
     * @param user     the user message
     * @return a POST request builder with its URI, headers and JSON body set
     */
    HttpRequest.Builder request(LlmEndpoint endpoint, String system, String user);

    /**
     * The model's text in a successful answer, or empty when the answer does not have the provider's documented shape.
     *
     * @param answer the answer's body, parsed as JSON
     * @return the model's text, or empty
     */
    Optional<String> text(JsonNode answer);
}
