package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Instrument;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * {@code GET /api/v3/exchangeInfo} into {@link Instrument}: PRICE_FILTER gives the tick size, LOT_SIZE the
 * step size and minimum quantity, NOTIONAL (or the older MIN_NOTIONAL) the minimum notional; the rest of
 * the filters go into {@link SymbolFilters}. A zero tick
 * or step disables that rule at Binance; the instrument then uses the asset's precision instead.
 */
public final class ExchangeInfoMapping {

    private ExchangeInfoMapping() {
    }

    /** The symbol's entry of an exchangeInfo answer, or empty when it is not listed. */
    public static Optional<JsonNode> symbolEntry(JsonNode exchangeInfo, String symbol) {
        for (JsonNode s : VenueJson.array(exchangeInfo, "symbols")) {
            if (symbol.equals(VenueJson.text(s, "symbol"))) return Optional.of(s);
        }
        return Optional.empty();
    }

    public static Instrument instrument(JsonNode symbolEntry) {
        String symbol = VenueJson.text(symbolEntry, "symbol");
        BigDecimal tick = null;
        BigDecimal step = null;
        BigDecimal minQty = BigDecimal.ZERO;
        BigDecimal notional = null;
        BigDecimal legacyNotional = null;
        for (JsonNode f : VenueJson.array(symbolEntry, "filters")) {
            switch (VenueJson.text(f, "filterType")) {
                case "PRICE_FILTER" -> tick = VenueJson.decimal(f, "tickSize");
                case "LOT_SIZE" -> {
                    step = VenueJson.decimal(f, "stepSize");
                    minQty = VenueJson.decimal(f, "minQty");
                }
                case "NOTIONAL" -> notional = VenueJson.decimal(f, "minNotional");
                case "MIN_NOTIONAL" -> legacyNotional = VenueJson.decimal(f, "minNotional");
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
        return new Instrument(symbol, VenueJson.text(symbolEntry, "baseAsset"), VenueJson.text(symbolEntry, "quoteAsset"),
                tick.stripTrailingZeros(), step.stripTrailingZeros(), minQty.stripTrailingZeros(), minNotional.stripTrailingZeros());
    }

    /** The filters the {@link Instrument} does not carry (see {@link SymbolFilters}); absent ones are disabled. */
    public static SymbolFilters filters(JsonNode symbolEntry) {
        BigDecimal z = BigDecimal.ZERO;
        BigDecimal minPrice = z, maxPrice = z, maxQty = z, marketMin = z, marketMax = z, marketStep = z, minNotional = z, maxNotional = z;
        boolean applyMin = true;
        boolean applyMax = false;
        for (JsonNode f : VenueJson.array(symbolEntry, "filters")) {
            switch (VenueJson.text(f, "filterType")) {
                case "PRICE_FILTER" -> {
                    minPrice = VenueJson.decimal(f, "minPrice");
                    maxPrice = VenueJson.decimal(f, "maxPrice");
                }
                case "LOT_SIZE" -> maxQty = VenueJson.decimal(f, "maxQty");
                case "MARKET_LOT_SIZE" -> {
                    marketMin = VenueJson.decimal(f, "minQty");
                    marketMax = VenueJson.decimal(f, "maxQty");
                    marketStep = VenueJson.decimal(f, "stepSize");
                }
                case "NOTIONAL" -> {
                    minNotional = VenueJson.decimal(f, "minNotional");
                    applyMin = !f.has("applyMinToMarket") || VenueJson.bool(f, "applyMinToMarket");
                    maxNotional = f.has("maxNotional") ? VenueJson.decimal(f, "maxNotional") : z;
                    applyMax = f.has("applyMaxToMarket") && VenueJson.bool(f, "applyMaxToMarket");
                }
                case "MIN_NOTIONAL" -> {
                    if (minNotional.signum() == 0) minNotional = VenueJson.decimal(f, "minNotional");
                    if (f.has("applyToMarket")) applyMin = VenueJson.bool(f, "applyToMarket");
                }
                default -> {
                    // PERCENT_PRICE_BY_SIDE, MAX_NUM_ORDERS and the like depend on live state: Binance judges them
                }
            }
        }
        return new SymbolFilters(minPrice, maxPrice, maxQty, marketMin, marketMax, marketStep, minNotional, applyMin, maxNotional, applyMax);
    }

    /**
     * The self-trade-prevention modes the symbol accepts ({@code allowedSelfTradePreventionModes}); a symbol
     * entry without the field allows only {@code NONE}.
     */
    public static java.util.Set<String> allowedSelfTradePrevention(JsonNode symbolEntry) {
        if (!symbolEntry.has("allowedSelfTradePreventionModes")) return java.util.Set.of("NONE");
        java.util.Set<String> modes = new java.util.TreeSet<>();
        for (JsonNode mode : VenueJson.array(symbolEntry, "allowedSelfTradePreventionModes")) {
            if (!mode.isTextual()) throw new MalformedMessage("allowedSelfTradePreventionModes holds a non-text entry " + mode);
            modes.add(mode.asText());
        }
        return modes;
    }

    /** The symbol's trading status, e.g. {@code TRADING}, {@code BREAK}. */
    public static String status(JsonNode symbolEntry) {
        return VenueJson.optionalText(symbolEntry, "status", "TRADING");
    }

    private static int precision(JsonNode entry, String field, String symbol) {
        JsonNode value = entry.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new MalformedMessage(symbol + ": filter disabled and field '" + field + "' is missing");
        }
        return value.asInt();
    }
}
