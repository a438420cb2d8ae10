package io.tradekit.binance.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;

/** Reading Binance JSON: one shared mapper and field readers whose errors name the missing field. */
public final class Wire {

    public static final ObjectMapper MAPPER = new ObjectMapper();

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
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new MalformedMessage("field '" + name + "' is missing");
        }
        return value;
    }

    public static String text(JsonNode node, String name) {
        return field(node, name).asText();
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

    /** A decimal that Binance sends as a string ({@code "0.00100000"}); parsed exactly, never through double. */
    public static BigDecimal decimal(JsonNode node, String name) {
        JsonNode value = field(node, name);
        try {
            return value.isTextual() ? new BigDecimal(value.asText()) : value.decimalValue();
        } catch (NumberFormatException e) {
            throw new MalformedMessage("field '" + name + "' is '" + value.asText() + "', expected a decimal");
        }
    }

    public static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw new MalformedMessage("field '" + name + "' is '" + value.asText() + "', expected true or false");
        }
        return value.asBoolean();
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
}
