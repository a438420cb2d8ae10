package io.tradekit.advisor.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.advisor.ParameterChange;
import io.tradekit.advisor.ParameterRange;
import io.tradekit.api.Params;
import io.tradekit.api.UntrustedText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's answer checked against the schema {@code {"changes": {key: value}, "reason": text}}: the text must be
 * one JSON object (a single Markdown code fence around it is taken off), {@code changes} an object and
 * {@code reason} a non-blank string. A change survives only if its key is allowed, its value (a string or number)
 * lies in the key's declared range and differs from the current value; the others are listed as dropped.
 *
 * @param changes the surviving changes
 * @param dropped each dropped change with why, for the log and the evidence
 * @param reason  the model's reason, made printable and cut to 500 characters
 */
record AdviceAnswer(List<ParameterChange> changes, List<String> dropped, String reason) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 500;

    /** An answer that does not follow the schema; the message says how. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /**
     * The checked answer.
     *
     * @throws Invalid when the text does not follow the schema
     */
    static AdviceAnswer parse(String text, Map<String, ParameterRange> allowed, Params current) throws Invalid {
        String body = unfenced(text.strip());
        if (body.isEmpty()) {
            throw new Invalid("the answer is empty");
        }
        if (!body.startsWith("{")) {
            throw new Invalid("the answer is not a JSON object: " + UntrustedText.quote(body));
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Invalid("the answer is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!root.path("changes").isObject()) {
            throw new Invalid("the answer has no \"changes\" object");
        }
        if (!root.path("reason").isTextual() || root.path("reason").asText().isBlank()) {
            throw new Invalid("the answer has no \"reason\" text");
        }
        List<ParameterChange> changes = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.path("changes").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            ParameterRange range = allowed.get(key);
            JsonNode value = f.getValue();
            if (range == null) {
                dropped.add(UntrustedText.quote(key) + ": not a parameter that may be changed");
            } else if (!(value.isTextual() || value.isNumber())) {
                dropped.add(key + ": value is not a number");
            } else {
                String proposed = value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
                Optional<BigDecimal> parsed = range.value(proposed);
                if (parsed.isEmpty()) {
                    dropped.add(key + ": " + UntrustedText.quote(proposed) + " is outside " + range.min().toPlainString() + ".." + range.max().toPlainString()
                            + (range.integer() ? " (whole numbers)" : ""));
                } else if (current.decimal(key).map(c -> c.compareTo(parsed.get()) == 0).orElse(false)) {
                    dropped.add(key + ": unchanged");
                } else {
                    changes.add(ParameterChange.of(current, key, range.format(parsed.get())));
                }
            }
        }
        return new AdviceAnswer(changes, dropped, UntrustedText.printable(root.path("reason").asText().strip(), MAX_REASON, false));
    }

    private static String unfenced(String text) {
        if (!text.startsWith("```") || !text.endsWith("```") || text.length() < 6) return text;
        int firstLineEnd = text.indexOf('\n');
        if (firstLineEnd < 0) return text;
        return text.substring(firstLineEnd + 1, text.length() - 3).strip();
    }
}
