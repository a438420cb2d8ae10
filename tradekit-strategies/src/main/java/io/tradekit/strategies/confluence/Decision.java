package io.tradekit.strategies.confluence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.Signal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One decision of a {@link Confluence} on a bar on which at least one member voted BUY or SELL: every vote, the
 * weighted fractions for each side, the regime that scaled the weights, the checks made and the outcome, with the
 * reason in words. It goes to the bot's audit log (type {@code decision}) and to the report.
 *
 * @param time         the close of the bar decided on
 * @param outcome      the signal given to the engine (HOLD: none)
 * @param votes        every member's vote, in the order of the members
 * @param buyFraction  the weights voting BUY over all members' weights
 * @param sellFraction the weights voting SELL over all members' weights
 * @param regime       the market regime that set the weights' multipliers, when regime multipliers are configured
 * @param checks       the checks made, in order (stale data, then trend and book on an entry)
 * @param reason       why the outcome is what it is
 */
public record Decision(Instant time, Signal outcome, List<Vote> votes, BigDecimal buyFraction, BigDecimal sellFraction,
                       Optional<String> regime, List<GateCheck> checks, String reason) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the votes and the checks. */
    public Decision {
        votes = List.copyOf(votes);
        checks = List.copyOf(checks);
    }

    /**
     * Whether a check stopped a side the votes agreed on.
     *
     * @return true when any check is {@link GateCheck.Status#BLOCKED}
     */
    public boolean blocked() {
        return checks.stream().anyMatch(GateCheck::blocks);
    }

    /**
     * The check of one gate, if it was made.
     *
     * @param gate the check's name: {@code stale}, {@code trend} or {@code book}
     * @return the check, or empty when that gate was not checked on this decision
     */
    public Optional<GateCheck> check(String gate) {
        return checks.stream().filter(c -> c.gate().equals(gate)).findFirst();
    }

    /**
     * The vote of one member.
     *
     * @param member the member's id
     * @return the vote, or empty when no member has that id
     */
    public Optional<Vote> vote(String member) {
        return votes.stream().filter(v -> v.member().equals(member)).findFirst();
    }

    /**
     * The decision as the audit line's inputs.
     *
     * @return a JSON object of the outcome, the fractions (as decimal strings), the regime, the votes and the checks
     */
    public String inputsJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("outcome", outcome.name());
        root.put("buyFraction", buyFraction.toPlainString());
        root.put("sellFraction", sellFraction.toPlainString());
        regime.ifPresent(r -> root.put("regime", r));
        ArrayNode voteArray = root.putArray("votes");
        for (Vote v : votes) {
            ObjectNode n = voteArray.addObject();
            n.put("member", v.member());
            n.put("strategy", v.strategy());
            n.put("timeframe", v.timeframe().toString());
            n.put("bar", String.valueOf(v.barTime()));
            n.put("signal", v.signal().name());
            n.put("weight", v.weight().toPlainString());
            n.put("multiplier", v.multiplier().toPlainString());
        }
        ArrayNode checkArray = root.putArray("checks");
        for (GateCheck c : checks) {
            ObjectNode n = checkArray.addObject();
            n.put("gate", c.gate());
            n.put("status", c.status().name());
            n.put("detail", c.detail());
        }
        return root.toString();
    }
}
