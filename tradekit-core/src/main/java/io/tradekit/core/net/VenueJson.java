package io.tradekit.core.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;

/**
 * Reading a venue's JSON, for every adapter: one shared mapper with {@link NumberLimits}' bounds on number tokens
 * and nesting, which reads JSON numbers with a fraction as {@link BigDecimal} (never through {@code double}), and
 * field readers that accept only the JSON type a venue documents for the field. An object, array or boolean where a
 * number or text belongs is malformed, never read as 0 or ""; a decimal beyond {@link NumberLimits}' digits or
 * exponent is malformed; every error is a {@link MalformedMessage} that names the field.
 *
 * <pre>{@code JsonNode fill = VenueJson.read(text);
 * BigDecimal price = VenueJson.decimal(fill, "price"); // MalformedMessage "field 'price' is an object {}, expected a decimal"}</pre>
 */
public final class VenueJson {

    /** The mapper every adapter reads and writes venue JSON with; thread-safe. */
    public static final ObjectMapper MAPPER = NumberLimits.jsonMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private VenueJson() {
    }

    /**
     * Parses a whole message.
     *
     * @param text the message as it arrived
     * @return its root node
     * @throws MalformedMessage if it is empty, not JSON, or beyond the mapper's bounds
     */
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

    /**
     * A field that must be there.
     *
     * @param node the object holding it
     * @param name the field's name
     * @return its value, never null or JSON null
     * @throws MalformedMessage if {@code node} is no object or the field is missing or null
     */
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

    /**
     * A text field; a number is accepted as its text (ids are sometimes numbers), nothing else.
     *
     * @param node the object holding it
     * @param name the field's name
     * @return the text
     * @throws MalformedMessage if it is missing, or an object, array or boolean
     */
    public static String text(JsonNode node, String name) {
        return scalarText(field(node, name), "field '" + name + "'");
    }

    /**
     * An optional text field.
     *
     * @param node the object holding it
     * @param name the field's name
     * @param fallback what an absent or null field gives
     * @return the text, or {@code fallback}
     * @throws MalformedMessage if it is there and not text or a number
     */
    public static String optionalText(JsonNode node, String name, String fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return fallback;
        return scalarText(value, "field '" + name + "'");
    }

    /**
     * A whole-number field, as a JSON integer or a text of digits.
     *
     * @param node the object holding it
     * @param name the field's name
     * @return the number
     * @throws MalformedMessage if it is missing or not a whole number that fits a long
     */
    public static long integer(JsonNode node, String name) {
        return integerValue(field(node, name), "field '" + name + "'");
    }

    /**
     * A whole number given as a JSON integer or a text of digits.
     *
     * @param value the node
     * @param what how to name it in the error, e.g. {@code "field 'E'"}
     * @return the number
     * @throws MalformedMessage if it is not a whole number that fits a long
     */
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

    /**
     * A decimal field sent as a string ({@code "0.00100000"}) or a JSON number; read exactly, never through double, within bounds.
     *
     * @param node the object holding it
     * @param name the field's name
     * @return the decimal
     * @throws MalformedMessage if it is missing, not a decimal, or beyond {@link NumberLimits}
     */
    public static BigDecimal decimal(JsonNode node, String name) {
        return decimalValue(field(node, name), "field '" + name + "'");
    }

    /**
     * A decimal node, as {@link #decimal} reads a field.
     *
     * @param value the node
     * @param what how to name it in the error
     * @return the decimal
     * @throws MalformedMessage if it is not a decimal, or beyond {@link NumberLimits}
     */
    public static BigDecimal decimalValue(JsonNode value, String what) {
        if (!value.isTextual() && !value.isNumber()) {
            throw new MalformedMessage(what + " is " + shown(value) + ", expected a decimal");
        }
        try {
            return value.isTextual() ? NumberLimits.decimal(value.asText()) : NumberLimits.checked(value.decimalValue(), value.asText());
        } catch (NumberFormatException e) {
            throw new MalformedMessage(what + ": " + e.getMessage());
        }
    }

    /**
     * A boolean field: JSON {@code true} or {@code false} only.
     *
     * @param node the object holding it
     * @param name the field's name
     * @return the value
     * @throws MalformedMessage if it is missing or not a JSON boolean
     */
    public static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw new MalformedMessage("field '" + name + "' is " + shown(value) + ", expected true or false");
        }
        return value.asBoolean();
    }

    /**
     * An array field.
     *
     * @param node the object holding it
     * @param name the field's name
     * @return the array
     * @throws MalformedMessage if it is missing or not an array
     */
    public static JsonNode array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isArray()) {
            throw new MalformedMessage("field '" + name + "' is " + shown(value) + ", expected an array");
        }
        return value;
    }

    /**
     * The node itself when it is an array.
     *
     * @param node the node
     * @param what how to name it in the error
     * @return {@code node}
     * @throws MalformedMessage if it is not an array
     */
    public static JsonNode requireArray(JsonNode node, String what) {
        if (!node.isArray()) {
            throw new MalformedMessage(what + " is " + shown(node) + ", expected an array");
        }
        return node;
    }

    /**
     * The node itself when it is an object.
     *
     * @param node the node
     * @param what how to name it in the error
     * @return {@code node}
     * @throws MalformedMessage if it is not an object
     */
    public static JsonNode requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new MalformedMessage(what + " is " + shown(node) + ", expected an object");
        }
        return node;
    }

    /**
     * A decimal as venues want it sent: plain digits, no exponent, no trailing zeros.
     *
     * @param value the decimal
     * @return e.g. {@code "0.001"} for {@code 1.000E-3}
     */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String scalarText(JsonNode value, String what) {
        if (value.isTextual() || value.isNumber()) return value.asText();
        throw new MalformedMessage(what + " is " + shown(value) + ", expected text");
    }

    private static String shown(JsonNode value) {
        return kind(value) + " " + StreamEvents.truncate(value.toString(), 40);
    }

    private static String kind(JsonNode value) {
        return value.isObject() ? "an object" : value.isArray() ? "an array" : value.isBoolean() ? "a boolean"
                : value.isNumber() ? "a number" : value.isTextual() ? "text" : "null";
    }
}
