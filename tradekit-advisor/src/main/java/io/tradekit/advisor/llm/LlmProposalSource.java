package io.tradekit.advisor.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.advisor.AdviceContext;
import io.tradekit.advisor.Proposal;
import io.tradekit.advisor.ProposalSource;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.UntrustedText;
import io.tradekit.core.net.HttpReply;
import io.tradekit.core.net.HttpTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks a language model for parameter changes: one request in the provider's format ({@link ChatProtocol}) with the
 * bot's context ({@link AdvicePrompt}: figures and the allowed parameters, never a secret), within one deadline over
 * the whole exchange and an answer size limit; the answer is checked against the schema and filtered to the allowed
 * keys within their ranges ({@link AdviceAnswer}). A failed call, an error status, an answer not in the provider's
 * shape, an empty, prose or invalid answer, or one whose every change was dropped, asks the fallback source when one
 * is configured and otherwise proposes nothing; either way the reason is logged. The API key appears in no log line
 * or exception.
 *
 * <pre>{@code ProposalSource llm = new LlmProposalSource(new AnthropicMessages(),
 *         new LlmEndpoint(URI.create("https://api.anthropic.com"), "claude-sonnet-4-5", Optional.of(key)),
 *         settings, Optional.of(new GridRuleSource(GridRuleSettings.standard())));}</pre>
 */
public final class LlmProposalSource implements ProposalSource {

    private static final Logger log = LoggerFactory.getLogger(LlmProposalSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatProtocol protocol;
    private final LlmEndpoint endpoint;
    private final LlmSourceSettings settings;
    private final Optional<ProposalSource> fallback;
    private final HttpTransport transport;

    /**
     * Asks the model at {@code endpoint} in {@code protocol}'s format; {@code fallback} is asked when the model gives nothing usable.
     *
     * @param protocol the provider's wire format
     * @param endpoint the provider's base URL, the model and the API key
     * @param settings the strategy advised, the allowed parameters, the deadline, the answer size limit and the proposals' ttl
     * @param fallback the source asked instead when the model gives nothing usable, or empty to propose nothing then
     */
    public LlmProposalSource(ChatProtocol protocol, LlmEndpoint endpoint, LlmSourceSettings settings, Optional<ProposalSource> fallback) {
        this.protocol = protocol;
        this.endpoint = endpoint;
        this.settings = settings;
        this.fallback = fallback;
        this.transport = new HttpTransport(name(), settings.deadline(), settings.maxAnswerBytes());
    }

    /** {@code llm-} and the provider's name, e.g. {@code llm-anthropic}. */
    @Override
    public String name() {
        return "llm-" + protocol.name();
    }

    @Override
    public boolean supports(String strategy) {
        return settings.strategy().equals(strategy);
    }

    @Override
    public List<Proposal> propose(AdviceContext context) {
        if (!supports(context.strategy())) return List.of();
        Exchange exchange = ask(context);
        if (exchange.text() == null) return fallBack(context, exchange.failure());
        AdviceAnswer answer;
        try {
            answer = AdviceAnswer.parse(exchange.text(), settings.allowedByKey(), context.params());
        } catch (AdviceAnswer.Invalid e) {
            return fallBack(context, e.getMessage());
        }
        if (!answer.dropped().isEmpty()) {
            log.info("{}: bot {}: dropped from the answer: {}", name(), context.botId(), String.join("; ", answer.dropped()));
        }
        if (answer.changes().isEmpty()) return fallBack(context, "no change of the answer survived the checks");
        return List.of(Proposal.create(context.botId(), name(), answer.changes(), evidence(context, answer), answer.reason(), context.now(),
                settings.ttl()));
    }

    /** The model's text, or why there is none. */
    private record Exchange(String text, String failure) {
        static Exchange failed(String failure) {
            return new Exchange(null, failure);
        }
    }

    private Exchange ask(AdviceContext context) {
        try {
            HttpReply reply = transport.send(protocol.request(endpoint, AdvicePrompt.SYSTEM, AdvicePrompt.context(context, settings.allowed()))
                    .timeout(settings.deadline()).build());
            if (!reply.isSuccess()) return Exchange.failed("HTTP " + reply.status() + " " + UntrustedText.quote(redact(reply.body())));
            Optional<String> text = protocol.text(JSON.readTree(reply.body()));
            return text.map(t -> new Exchange(t, null)).orElseGet(() -> Exchange.failed("the answer is not in " + protocol.name()
                    + "'s documented shape: " + UntrustedText.quote(redact(reply.body()))));
        } catch (TradeKitException e) {
            return Exchange.failed(redact(e.getMessage()));
        } catch (IOException e) {
            return Exchange.failed("the answer is not JSON");
        }
    }

    private List<Proposal> fallBack(AdviceContext context, String reason) {
        if (fallback.isPresent()) {
            log.warn("{}: bot {}: {}; asking {} instead", name(), context.botId(), reason, fallback.get().name());
            return fallback.get().propose(context);
        }
        log.warn("{}: bot {}: {}; no proposal", name(), context.botId(), reason);
        return List.of();
    }

    private Map<String, String> evidence(AdviceContext context, AdviceAnswer a) {
        Map<String, String> evidence = new LinkedHashMap<>(context.figures().asMap());
        evidence.put("model", protocol.name() + "/" + endpoint.model());
        if (!a.dropped().isEmpty()) evidence.put("dropped", String.join("; ", a.dropped()));
        return evidence;
    }

    private String redact(String text) {
        return endpoint.apiKey().map(k -> k.redact(text)).orElse(text);
    }
}
