package io.tradekit.advisor.llm;

import io.tradekit.advisor.ParameterRange;
import io.tradekit.api.InvalidInputException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link LlmProposalSource} may propose and how long it waits.
 *
 * @param strategy       the strategy it advises (a provider name such as {@code grid})
 * @param allowed        the parameters a model may change, each with its declared range; no other key survives
 * @param deadline       the limit on the whole exchange with the model: connect, request, answer
 * @param maxAnswerBytes the largest answer read; a longer one is refused
 * @param ttl            how long a proposal waits for a decision
 */
public record LlmSourceSettings(String strategy, List<ParameterRange> allowed, Duration deadline, long maxAnswerBytes, Duration ttl) {

    /**
     * Checks the settings and copies {@code allowed}.
     *
     * @throws NullPointerException if a component is null
     * @throws io.tradekit.api.InvalidInputException if no parameter is allowed, or the deadline, the size limit or the
     *         ttl is not positive
     */
    public LlmSourceSettings {
        Objects.requireNonNull(strategy, "strategy");
        allowed = List.copyOf(allowed);
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(ttl, "ttl");
        if (allowed.isEmpty()) throw new InvalidInputException("llm: no parameter may be changed: list at least one with its range");
        if (deadline.isNegative() || deadline.isZero()) throw new InvalidInputException("llm: the deadline must be positive, got " + deadline);
        if (maxAnswerBytes < 1) throw new InvalidInputException("llm: the answer size limit must be positive, got " + maxAnswerBytes);
        if (ttl.isNegative() || ttl.isZero()) throw new InvalidInputException("llm: the proposal ttl must be positive, got " + ttl);
    }

    /**
     * The allowed parameters by key.
     *
     * @return a new map from key to range, in the order of {@code allowed}
     */
    public Map<String, ParameterRange> allowedByKey() {
        Map<String, ParameterRange> m = new LinkedHashMap<>();
        allowed.forEach(r -> m.put(r.key(), r));
        return m;
    }
}
