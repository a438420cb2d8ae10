package io.tradekit.bybit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.net.NumberLimits;

import java.math.BigDecimal;

/**
 * Reading and writing Bybit JSON: one shared mapper with bounds on number tokens and nesting
 * ({@link NumberLimits}), and field readers whose errors name the field. Bybit sends numbers as strings
 * ({@code "0.000001"}, {@code "1672324800000"}); both shapes are read exactly, never through {@code double},
 * and a decimal outside {@link NumberLimits}' bounds is malformed. An object, array or boolean where text or a
 * number belongs is malformed, never read as {@code ""} or 0.
 */
public final class Json {

    public static final ObjectMapper MAPPER = NumberLimits.jsonMapper();

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
        if (!value.isValueNode() || value.isBoolean()) {
            throw new MalformedMessage("field '" + name + "' is " + value.getNodeType().name().toLowerCase() + ", expected text or a number");
        }
        return value.asText();
    }

    public static long integer(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value.isIntegralNumber()) return value.asLong();
        try {
            return Long.parseLong(value.asText());
        } catch (NumberFormatException e) {
            throw new MalformedMessage("field '" + name + "' is '" + value.asText() + "', expected a whole number");
        }
    }

    public static BigDecimal decimal(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual() && !value.isNumber()) {
            throw new MalformedMessage("field '" + name + "' is " + value.getNodeType().name().toLowerCase() + ", expected a decimal");
        }
        try {
            return value.isTextual() ? NumberLimits.decimal(value.asText()) : NumberLimits.checked(value.decimalValue(), value.asText());
        } catch (NumberFormatException e) {
            throw new MalformedMessage("field '" + name + "': " + e.getMessage());
        }
    }

    /** A decimal that Bybit leaves empty ({@code ""}) when there is none, e.g. {@code avgPrice} of an unfilled order. */
    public static BigDecimal decimalOrZero(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) return BigDecimal.ZERO;
        return decimal(node, name);
    }

    public static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value.isBoolean()) return value.asBoolean();
        return switch (value.asText()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new MalformedMessage("field '" + name + "' is '" + value.asText() + "', expected true or false");
        };
    }

    /** An array field; a missing or non-array value is malformed. */
    public static JsonNode array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isArray()) throw new MalformedMessage("field '" + name + "' is not an array");
        return value;
    }

    /** A decimal as Bybit wants it sent: plain digits, no exponent, no trailing zeros. */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** At most {@code max} characters of a raw message, for an error event. */
    public static String truncate(String raw, int max) {
        if (raw == null) return "";
        return raw.length() <= max ? raw : raw.substring(0, max) + "...(" + raw.length() + " chars)";
    }
}
