package io.tradekit.core.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.core.store.BotIdentity;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link BotIdentity} as a small JSON document, in the journal's config table and in the file beside it. */
public final class IdentityCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IdentityCodec() {
    }

    public static String encode(BotIdentity identity) {
        ObjectNode root = JSON.createObjectNode();
        root.put("botId", identity.botId());
        root.put("venue", identity.venue());
        root.put("account", identity.account());
        root.put("symbol", identity.symbol());
        root.put("strategy", identity.strategy());
        ObjectNode params = root.putObject("parameters");
        new TreeMap<>(identity.parameters()).forEach(params::put);
        identity.initialCash().ifPresent(c -> root.put("initialCash", c.toPlainString()));
        if (!identity.venueTerms().isEmpty()) {
            ObjectNode terms = root.putObject("venueTerms");
            new TreeMap<>(identity.venueTerms()).forEach(terms::put);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a bot identity as JSON", e);
        }
    }

    /**
     * Reads an identity back.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static BotIdentity decode(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("not a JSON object");
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = root.path("parameters");
        if (!p.isObject()) throw new IllegalArgumentException("field 'parameters' is missing or not an object");
        p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        Map<String, String> terms = new LinkedHashMap<>();
        JsonNode t = root.path("venueTerms");
        if (!t.isMissingNode() && !t.isObject()) throw new IllegalArgumentException("field 'venueTerms' is not an object");
        t.fields().forEachRemaining(e -> terms.put(e.getKey(), e.getValue().asText()));
        Optional<BigDecimal> cash;
        try {
            cash = root.hasNonNull("initialCash") ? Optional.of(new BigDecimal(root.get("initialCash").asText())) : Optional.empty();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field 'initialCash' is not a decimal");
        }
        try {
            return new BotIdentity(text(root, "botId"), text(root, "venue"), root.path("account").asText(""), text(root, "symbol"),
                    text(root, "strategy"), params, cash, terms);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        return v.asText();
    }
}
