package io.tradekit.kraken.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.net.NumberLimits;

import java.math.BigDecimal;

/**
 * Reading Kraken JSON. REST sends decimals as strings, WebSocket v2 as JSON numbers; both are read as
 * {@link BigDecimal} (the mapper never goes through {@code double}), within {@link NumberLimits}' bounds on
 * number tokens, nesting and a decimal's digits and exponent. Field readers name what is missing, and an object,
 * array or boolean where a decimal belongs is malformed, never 0.
 */
public final class Json {

    public static final ObjectMapper MAPPER = NumberLimits.jsonMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {
    }

    public static JsonNode read(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new MalformedMessage("empty message");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedMessage("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new MalformedMessage("field '" + name + "' is missing");
        }
        return value;
    }

    public static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value.isContainerNode()) {
            throw new MalformedMessage("field '" + name + "' is " + value.getNodeType().name().toLowerCase() + ", expected a value");
        }
        return value.asText();
    }

    public static long integer(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value.isIntegralNumber()) return value.asLong();
        try {
            return new BigDecimal(value.asText()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MalformedMessage("field '" + name + "' is '" + value.asText() + "', expected a whole number");
        }
    }

    /** A decimal sent as a string ({@code "0.00100000"}) or a number; parsed exactly. */
    public static BigDecimal decimal(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual() && !value.isNumber()) {
            throw new MalformedMessage("field '" + name + "' is " + value.getNodeType().name().toLowerCase() + ", expected a decimal");
        }
        try {
            return value.isNumber() ? NumberLimits.checked(value.decimalValue(), value.asText()) : NumberLimits.decimal(value.asText());
        } catch (NumberFormatException e) {
            throw new MalformedMessage("field '" + name + "': " + e.getMessage());
        }
    }

    /** A decimal as Kraken wants it sent: plain digits, no exponent, no trailing zeros. */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** At most {@code max} characters of a raw message, for an error event. */
    public static String truncate(String raw, int max) {
        if (raw == null) return "";
        return raw.length() <= max ? raw : raw.substring(0, max) + "...(" + raw.length() + " chars)";
    }
}
