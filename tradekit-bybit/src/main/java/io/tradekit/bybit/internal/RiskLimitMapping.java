package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.MarginTier;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /v5/market/risk-limit} (linear) into {@link MarginTier}s: each entry is a tier up to
 * {@code riskLimitValue} of position value, with its {@code maxLeverage}, {@code maintenanceMargin} rate and
 * {@code mmDeduction} (empty: none). Bybit's documented example writes the rates in percent ({@code "0.5"}
 * with {@code "initialMargin": "1"} at 100x); an entry whose initial margin rate times its leverage is about
 * 100 is read as percent, one where it is about 1 as a fraction, so that either spelling gives the same tier.
 */
public final class RiskLimitMapping {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal PERCENT_THRESHOLD = BigDecimal.TEN;

    private RiskLimitMapping() {
    }

    /** The entries of one page that belong to {@code symbol}. */
    public static List<JsonNode> entries(JsonNode result, String symbol) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : VenueJson.array(result, "list")) if (symbol.equals(e.path("symbol").asText())) out.add(e);
        return out;
    }

    /** The tiers, lowest position value first; the last one's cap is kept (Bybit refuses larger positions). */
    public static List<MarginTier> tiers(List<JsonNode> entries) {
        if (entries.isEmpty()) throw new MalformedMessage("no risk limit tiers");
        List<JsonNode> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(e -> VenueJson.decimal(e, "riskLimitValue")));
        List<MarginTier> tiers = new ArrayList<>();
        for (JsonNode e : sorted) {
            BigDecimal leverage = VenueJson.decimal(e, "maxLeverage");
            BigDecimal maintenance = VenueJson.decimal(e, "maintenanceMargin");
            BigDecimal initial = Json.decimalOrZero(e, "initialMargin");
            if (initial.multiply(leverage).compareTo(PERCENT_THRESHOLD) > 0) maintenance = maintenance.divide(HUNDRED, MathContext.DECIMAL64);
            try {
                tiers.add(new MarginTier(VenueJson.decimal(e, "riskLimitValue"), leverage, maintenance.stripTrailingZeros(),
                        Json.decimalOrZero(e, "mmDeduction")));
            } catch (io.tradekit.api.InvalidInputException bad) {
                throw new MalformedMessage("risk limit " + e.path("id").asText("?") + ": " + bad.getMessage(), bad);
            }
        }
        return tiers;
    }
}
