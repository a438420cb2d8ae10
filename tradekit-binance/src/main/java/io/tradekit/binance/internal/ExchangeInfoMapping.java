package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Instrument;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * {@code GET /api/v3/exchangeInfo} into {@link Instrument}: PRICE_FILTER gives the tick size, LOT_SIZE the
 * step size and minimum quantity, NOTIONAL (or the older MIN_NOTIONAL) the minimum notional. A zero tick
 * or step disables that rule at Binance; the instrument then uses the asset's precision instead.
 */
public final class ExchangeInfoMapping {

    private ExchangeInfoMapping() {
    }

    /** The symbol's entry of an exchangeInfo answer, or empty when it is not listed. */
    public static Optional<JsonNode> symbolEntry(JsonNode exchangeInfo, String symbol) {
        for (JsonNode s : Wire.field(exchangeInfo, "symbols")) {
            if (symbol.equals(s.path("symbol").asText())) return Optional.of(s);
        }
        return Optional.empty();
    }

    public static Instrument instrument(JsonNode symbolEntry) {
        String symbol = Wire.text(symbolEntry, "symbol");
        BigDecimal tick = null;
        BigDecimal step = null;
        BigDecimal minQty = BigDecimal.ZERO;
        BigDecimal notional = null;
        BigDecimal legacyNotional = null;
        for (JsonNode f : Wire.field(symbolEntry, "filters")) {
            switch (f.path("filterType").asText()) {
                case "PRICE_FILTER" -> tick = Wire.decimal(f, "tickSize");
                case "LOT_SIZE" -> {
                    step = Wire.decimal(f, "stepSize");
                    minQty = Wire.decimal(f, "minQty");
                }
                case "NOTIONAL" -> notional = Wire.decimal(f, "minNotional");
                case "MIN_NOTIONAL" -> legacyNotional = Wire.decimal(f, "minNotional");
                default -> {
                    // other filters (PERCENT_PRICE_BY_SIDE, MAX_NUM_ORDERS...) are enforced by Binance at order time
                }
            }
        }
        if (tick == null || tick.signum() == 0) {
            tick = BigDecimal.ONE.movePointLeft(precision(symbolEntry, "quoteAssetPrecision", symbol));
        }
        if (step == null || step.signum() == 0) {
            step = BigDecimal.ONE.movePointLeft(precision(symbolEntry, "baseAssetPrecision", symbol));
        }
        BigDecimal minNotional = notional != null ? notional : legacyNotional != null ? legacyNotional : BigDecimal.ZERO;
        return new Instrument(symbol, Wire.text(symbolEntry, "baseAsset"), Wire.text(symbolEntry, "quoteAsset"),
                tick.stripTrailingZeros(), step.stripTrailingZeros(), minQty.stripTrailingZeros(), minNotional.stripTrailingZeros());
    }

    /** The symbol's trading status, e.g. {@code TRADING}, {@code BREAK}. */
    public static String status(JsonNode symbolEntry) {
        return symbolEntry.path("status").asText("TRADING");
    }

    private static int precision(JsonNode entry, String field, String symbol) {
        JsonNode value = entry.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new MalformedMessage(symbol + ": filter disabled and field '" + field + "' is missing");
        }
        return value.asInt();
    }
}
