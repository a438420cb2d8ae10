package io.tradekit.binance.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.net.NumberLimits;

import java.math.BigDecimal;

/**
 * Reading Binance JSON: one shared mapper with bounds on number tokens and nesting, and field readers
 * that accept only the JSON type Binance documents for the field. An object, array or boolean where a
 * number or text belongs is malformed, never read as 0 or ""; every error names the field.
 */
public final class Wire {

    public static final ObjectMapper MAPPER = NumberLimits.jsonMapper();

    private Wire() {
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
        if (!node.isObject()) {
            throw new MalformedMessage("expected an object holding '" + name + "', got " + kind(node));
        }
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new MalformedMessage("field '" + name + "' is missing");
        }
        return value;
    }

    /** A text field; a number is accepted as its text (ids are sometimes numbers), nothing else. */
    public static String text(JsonNode node, String name) {
        return scalarText(field(node, name), "field '" + name + "'");
    }

    /** An optional text field: {@code fallback} when absent or null, malformed when it is not text or a number. */
    public static String optionalText(JsonNode node, String name, String fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return fallback;
        return scalarText(value, "field '" + name + "'");
    }

    public static long integer(JsonNode node, String name) {
        return integerValue(field(node, name), "field '" + name + "'");
    }

    /** A whole number given as a JSON integer or a text of digits. */
    public static long integerValue(JsonNode value, String what) {
        if (value.isIntegralNumber() && value.canConvertToLong()) return value.asLong();
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new MalformedMessage(what + " is " + shown(value) + ", expected a whole number");
    }

    /** A decimal that Binance sends as a string ({@code "0.00100000"}); parsed exactly, never through double, within bounds. */
    public static BigDecimal decimal(JsonNode node, String name) {
        return decimalValue(field(node, name), "field '" + name + "'");
    }

    public static BigDecimal decimalValue(JsonNode value, String what) {
        if (!value.isTextual() && !value.isNumber()) {
            throw new MalformedMessage(what + " is " + shown(value) + ", expected a decimal");
        }
        try {
            return NumberLimits.decimal(value.asText());
        } catch (NumberFormatException e) {
            throw new MalformedMessage(what + ": " + e.getMessage());
        }
    }

    public static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw new MalformedMessage("field '" + name + "' is " + shown(value) + ", expected true or false");
        }
        return value.asBoolean();
    }

    /** An array field. */
    public static JsonNode array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isArray()) {
            throw new MalformedMessage("field '" + name + "' is " + shown(value) + ", expected an array");
        }
        return value;
    }

    /** The node itself when it is an array; {@code what} names it in the error. */
    public static JsonNode requireArray(JsonNode node, String what) {
        if (!node.isArray()) {
            throw new MalformedMessage(what + " is " + shown(node) + ", expected an array");
        }
        return node;
    }

    /** The node itself when it is an object; {@code what} names it in the error. */
    public static JsonNode requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new MalformedMessage(what + " is " + shown(node) + ", expected an object");
        }
        return node;
    }

    /** A decimal as Binance wants it sent: plain digits, no exponent, no trailing zeros. */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** At most {@code max} characters of a raw message, for an error event. */
    public static String truncate(String raw, int max) {
        if (raw == null) return "";
        return raw.length() <= max ? raw : raw.substring(0, max) + "...(" + raw.length() + " chars)";
    }

    private static String scalarText(JsonNode value, String what) {
        if (value.isTextual() || value.isNumber()) return value.asText();
        throw new MalformedMessage(what + " is " + shown(value) + ", expected text");
    }

    private static String shown(JsonNode value) {
        return kind(value) + " " + truncate(value.toString(), 40);
    }

    private static String kind(JsonNode value) {
        return value.isObject() ? "an object" : value.isArray() ? "an array" : value.isBoolean() ? "a boolean"
                : value.isNumber() ? "a number" : value.isTextual() ? "text" : "null";
    }
}
