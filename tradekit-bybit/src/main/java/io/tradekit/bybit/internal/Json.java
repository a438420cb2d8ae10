package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;

/**
 * What Bybit's JSON needs beyond core's {@link VenueJson}, which reads everything else: Bybit leaves a decimal empty
 * ({@code ""}) when there is none, and writes some flags as text.
 */
public final class Json {

    private Json() {
    }

    /** A decimal that Bybit leaves empty ({@code ""}) when there is none, e.g. {@code avgPrice} of an unfilled order. */
    public static BigDecimal decimalOrZero(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) return BigDecimal.ZERO;
        return VenueJson.decimal(node, name);
    }

    /** A flag given as a JSON boolean or as the text {@code "true"} or {@code "false"}. */
    public static boolean bool(JsonNode node, String name) {
        JsonNode value = VenueJson.field(node, name);
        if (value.isBoolean()) return value.asBoolean();
        return switch (value.asText()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new MalformedMessage("field '" + name + "' is '" + value.asText() + "', expected true or false");
        };
    }
}
