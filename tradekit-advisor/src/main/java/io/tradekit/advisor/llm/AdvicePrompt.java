package io.tradekit.advisor.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.advisor.AdviceContext;
import io.tradekit.advisor.ParameterRange;

import java.util.Collection;

/**
 * What a language model is told: an instruction fixing the answer's schema, and the bot's context as JSON. The
 * context holds the bot's id, its strategy, the current value and declared range of each parameter the model may
 * change (and of no other parameter) and the bot's figures: never a credential or a parameter outside the list.
 */
final class AdvicePrompt {

    static final String SYSTEM = """
            You tune the parameters of a trading bot's strategy from its recent figures.
            Answer with exactly one JSON object and nothing else, of this shape:
            {"changes": {"<parameter>": "<new value>"}, "reason": "<one or two sentences>"}
            Change only parameters listed in "parameters", keep each value within its min and max (whole numbers where
            "integer" is true), and answer {"changes": {}, "reason": "..."} when nothing should change.""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdvicePrompt() {
    }

    /** The user message: the context of {@code context} limited to {@code allowed}. */
    static String context(AdviceContext context, Collection<ParameterRange> allowed) {
        ObjectNode root = JSON.createObjectNode();
        root.put("bot", context.botId());
        root.put("strategy", context.strategy());
        ArrayNode parameters = root.putArray("parameters");
        for (ParameterRange range : allowed) {
            ObjectNode p = parameters.addObject().put("key", range.key());
            context.params().text(range.key()).ifPresentOrElse(v -> p.put("current", v), () -> p.putNull("current"));
            p.put("min", range.min().toPlainString()).put("max", range.max().toPlainString()).put("integer", range.integer());
        }
        ObjectNode figures = root.putObject("figures");
        context.figures().asMap().forEach(figures::put);
        return root.toString();
    }
}
