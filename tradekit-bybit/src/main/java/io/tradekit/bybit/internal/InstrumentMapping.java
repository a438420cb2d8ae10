package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Instrument;
import io.tradekit.api.MarginRules;
import io.tradekit.api.MarginTier;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v5/market/instruments-info} into {@link Instrument}. Spot: {@code priceFilter.tickSize} is
 * the tick, {@code lotSizeFilter.basePrecision} the quantity step, {@code minOrderQty} the minimum
 * quantity and {@code minOrderAmt} the minimum order value in the quote coin. Linear: {@code qtyStep} is
 * the step, {@code minOrderQty} the minimum, {@code minNotionalValue} the minimum order value, and the
 * margin rules come from the risk limit tiers, {@code leverageFilter.maxLeverage} and {@code fundingInterval}
 * (minutes); quantities are in the base coin (contract size 1).
 */
public final class InstrumentMapping {

    private InstrumentMapping() {
    }

    /** The symbol's entry of one page's {@code list}, or empty when the page does not have it. */
    public static Optional<JsonNode> entry(JsonNode result, String symbol) {
        for (JsonNode s : VenueJson.array(result, "list")) {
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
        String symbol = VenueJson.text(entry, "symbol");
        JsonNode lot = VenueJson.field(entry, "lotSizeFilter");
        JsonNode price = VenueJson.field(entry, "priceFilter");
        BigDecimal minQty = lot.hasNonNull("minOrderQty") ? VenueJson.decimal(lot, "minOrderQty") : BigDecimal.ZERO;
        BigDecimal minAmount = lot.hasNonNull("minOrderAmt") ? VenueJson.decimal(lot, "minOrderAmt") : BigDecimal.ZERO;
        try {
            return new Instrument(symbol, VenueJson.text(entry, "baseCoin"), VenueJson.text(entry, "quoteCoin"),
                    VenueJson.decimal(price, "tickSize").stripTrailingZeros(), VenueJson.decimal(lot, "basePrecision").stripTrailingZeros(),
                    minQty.stripTrailingZeros(), minAmount.stripTrailingZeros());
        } catch (io.tradekit.api.InvalidInputException e) {
            throw new MalformedMessage(symbol + ": " + e.getMessage(), e);
        }
    }

    /**
     * A linear perpetual entry under the symbol's risk limit {@code tiers} (lowest first). The first tier's
     * leverage is capped by {@code leverageFilter.maxLeverage}; {@code fundingInterval} (minutes) is the
     * funding interval, eight hours when Bybit leaves it out.
     */
    public static Instrument linear(JsonNode entry, List<MarginTier> tiers, BigDecimal liquidationFeeRate) {
        String symbol = VenueJson.text(entry, "symbol");
        JsonNode lot = VenueJson.field(entry, "lotSizeFilter");
        JsonNode price = VenueJson.field(entry, "priceFilter");
        BigDecimal maxLeverage = VenueJson.decimal(VenueJson.field(entry, "leverageFilter"), "maxLeverage");
        Duration interval = entry.hasNonNull("fundingInterval") && !entry.get("fundingInterval").asText().isEmpty()
                ? Duration.ofMinutes(VenueJson.integer(entry, "fundingInterval")) : MarginRules.DEFAULT_FUNDING_INTERVAL;
        try {
            List<MarginTier> capped = new ArrayList<>(tiers);
            MarginTier first = capped.getFirst();
            if (first.maxLeverage().compareTo(maxLeverage) > 0) {
                capped.set(0, new MarginTier(first.upToNotional(), maxLeverage, first.maintenanceMarginRate(), first.maintenanceDeduction()));
            }
            Instrument base = new Instrument(symbol, VenueJson.text(entry, "baseCoin"), VenueJson.text(entry, "quoteCoin"),
                    VenueJson.decimal(price, "tickSize").stripTrailingZeros(), VenueJson.decimal(lot, "qtyStep").stripTrailingZeros(),
                    Json.decimalOrZero(lot, "minOrderQty").stripTrailingZeros(), Json.decimalOrZero(lot, "minNotionalValue").stripTrailingZeros());
            return base.asLinearPerpetual(new MarginRules(capped, liquidationFeeRate, interval));
        } catch (io.tradekit.api.InvalidInputException | java.util.NoSuchElementException e) {
            throw new MalformedMessage(symbol + ": " + e.getMessage(), e);
        }
    }

    /** The symbol's trading status, e.g. {@code Trading}, {@code PreLaunch}. */
    public static String status(JsonNode entry) {
        return entry.path("status").asText("Trading");
    }
}
