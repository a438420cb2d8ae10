package io.tradekit.advisor.llm;

import io.tradekit.advisor.Secret;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.UntrustedText;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and as whom a language model is asked: the provider's base URL (OpenAI-compatible: up to and including
 * the version, e.g. {@code https://api.openai.com/v1}; Anthropic {@code https://api.anthropic.com}; Gemini
 * {@code https://generativelanguage.googleapis.com}; Ollama {@code http://localhost:11434}), the model's name and
 * the API key, if the server needs one. {@link #toString()} never shows the key.
 *
 * @param base   the provider's base URL
 * @param model  the model's name: 1 to 100 letters, digits or {@code . _ : / -}, without {@code ..}
 * @param apiKey the API key, or empty for a server that needs none (e.g. a local Ollama)
 */
public record LlmEndpoint(URI base, String model, Optional<Secret> apiKey) {

    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");

    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code base} or {@code apiKey} is null
     * @throws io.tradekit.api.InvalidInputException if {@code model} is null or not a model name
     */
    public LlmEndpoint {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(apiKey, "apiKey");
        if (model == null || !MODEL.matcher(model).matches() || model.contains("..")) {
            throw new InvalidInputException("llm: model " + UntrustedText.quote(model) + " is not a model name (letters, digits, . _ : / -)");
        }
    }

    /**
     * {@code path} appended to the base URL.
     *
     * @param path a path starting with {@code /}, e.g. {@code /chat/completions}
     * @return the base URL (without a trailing slash) followed by {@code path}
     * @throws IllegalArgumentException if the result is not a valid URI
     */
    public URI resolve(String path) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path);
    }
}
