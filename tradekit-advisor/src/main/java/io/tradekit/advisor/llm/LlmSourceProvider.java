package io.tradekit.advisor.llm;

import io.tradekit.advisor.AdvisorPlugins;
import io.tradekit.advisor.ParameterRange;
import io.tradekit.advisor.ProposalSource;
import io.tradekit.advisor.ProposalSourceProvider;
import io.tradekit.advisor.Secret;
import io.tradekit.advisor.optimize.RangeAxis;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.UntrustedText;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes {@link LlmProposalSource} under the name {@code llm}. Settings: {@code protocol} (openai, anthropic, gemini or
 * ollama; required), {@code model} (required), {@code strategy} (required), {@code params} (the parameters a model may
 * change, as {@code KEY=LOW..HIGH} separated by semicolons, read as the optimizer reads its ranges; required), {@code base-url} (default: the provider's public
 * endpoint, for ollama {@code http://localhost:11434}), {@code api-key-env} (the environment variable holding the
 * key; none for a server that needs none), {@code deadline-seconds} (default 60), {@code max-answer-kb} (default
 * 256), {@code ttl-minutes} (default 240), {@code fallback} (a source to ask when the model gives nothing usable, made
 * with its standard settings, e.g. {@code grid-rules}).
 */
public final class LlmSourceProvider implements ProposalSourceProvider {

    private static final Set<String> SETTINGS = Set.of("protocol", "model", "strategy", "params", "base-url", "api-key-env", "deadline-seconds",
            "max-answer-kb", "ttl-minutes", "fallback");

    /** Used by {@link java.util.ServiceLoader}, which needs a public no-argument constructor; the provider holds no state. */
    public LlmSourceProvider() {
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public ProposalSource create(Params settings) {
        Params p = settings.requireOnly(SETTINGS);
        String protocolName = p.requiredText("protocol");
        ChatProtocol protocol = switch (protocolName) {
            case "openai" -> new OpenAiChat();
            case "anthropic" -> new AnthropicMessages();
            case "gemini" -> new GeminiGenerateContent();
            case "ollama" -> new OllamaChat();
            default -> throw new InvalidInputException(p.owner() + ": 'protocol' is " + UntrustedText.quote(protocolName)
                    + ", expected openai, anthropic, gemini or ollama");
        };
        URI base = URI.create(p.text("base-url", switch (protocolName) {
            case "openai" -> "https://api.openai.com/v1";
            case "anthropic" -> "https://api.anthropic.com";
            case "gemini" -> "https://generativelanguage.googleapis.com";
            default -> "http://localhost:11434";
        }));
        Optional<Secret> key = p.text("api-key-env").map(v -> Secret.fromEnvironment(p.owner(), "api-key-env", v));
        List<ParameterRange> allowed = new ArrayList<>();
        for (String pair : p.requiredText("params").split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException(p.owner() + ": setting 'params' holds " + UntrustedText.quote(pair.strip()) + ", expected KEY=LOW..HIGH");
            }
            allowed.add(RangeAxis.parse(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip()));
        }
        LlmSourceSettings s = new LlmSourceSettings(p.requiredText("strategy"), allowed, Duration.ofSeconds(p.longValue("deadline-seconds", 60)),
                p.longValue("max-answer-kb", 256) * 1024, Duration.ofMinutes(p.longValue("ttl-minutes", 240)));
        Optional<ProposalSource> fallback = p.text("fallback").map(name -> AdvisorPlugins.discover().source(name, Params.empty(name)));
        return new LlmProposalSource(protocol, new LlmEndpoint(base, p.requiredText("model"), key), s, fallback);
    }
}
