package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Instrument;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * {@code GET /v5/market/instruments-info} (spot) into {@link Instrument}: {@code priceFilter.tickSize} is
 * the tick, {@code lotSizeFilter.basePrecision} the quantity step, {@code minOrderQty} the minimum
 * quantity and {@code minOrderAmt} the minimum order value in the quote coin.
 */
public final class InstrumentMapping {

    private InstrumentMapping() {
    }

    /** The symbol's entry of one page's {@code list}, or empty when the page does not have it. */
    public static Optional<JsonNode> entry(JsonNode result, String symbol) {
        for (JsonNode s : Json.array(result, "list")) {
            if (symbol.equals(s.path("symbol").asText())) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The cursor of the next page, empty on the last. */
    public static Optional<String> nextCursor(JsonNode result) {
        String cursor = result.path("nextPageCursor").asText("");
        return cursor.isEmpty() ? Optional.empty() : Optional.of(cursor);
    }

    public static Instrument spot(JsonNode entry) {
        String symbol = Json.text(entry, "symbol");
        JsonNode lot = Json.field(entry, "lotSizeFilter");
        JsonNode price = Json.field(entry, "priceFilter");
        BigDecimal minQty = lot.hasNonNull("minOrderQty") ? Json.decimal(lot, "minOrderQty") : BigDecimal.ZERO;
        BigDecimal minAmount = lot.hasNonNull("minOrderAmt") ? Json.decimal(lot, "minOrderAmt") : BigDecimal.ZERO;
        try {
            return new Instrument(symbol, Json.text(entry, "baseCoin"), Json.text(entry, "quoteCoin"),
                    Json.decimal(price, "tickSize").stripTrailingZeros(), Json.decimal(lot, "basePrecision").stripTrailingZeros(),
                    minQty.stripTrailingZeros(), minAmount.stripTrailingZeros());
        } catch (io.tradekit.api.InvalidInputException e) {
            throw new MalformedMessage(symbol + ": " + e.getMessage(), e);
        }
    }

    /** The symbol's trading status, e.g. {@code Trading}, {@code PreLaunch}. */
    public static String status(JsonNode entry) {
        return entry.path("status").asText("Trading");
    }
}
