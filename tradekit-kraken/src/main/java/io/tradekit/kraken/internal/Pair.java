package io.tradekit.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Instrument;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * One Kraken pair under its three names: the REST key ({@code XXBTZUSD}), the altname ({@code XBTUSD},
 * which the adapter sends), and the WebSocket v2 symbol ({@code BTC/USD}: the AssetPairs {@code wsname}
 * with Kraken's legacy asset codes XBT and XDG written BTC and DOGE), plus its filters and status.
 * {@code symbol} is the name the bot uses; events carry it.
 */
public record Pair(String symbol, String key, String altname, String wsSymbol, String status, Instrument instrument) {

    /** Trading is allowed only while the pair is {@code online}. */
    public boolean online() {
        return status.equals("online");
    }

    /** Whether {@code name} is one of the pair's names. */
    public boolean isCalled(String name) {
        return name.equals(key) || name.equals(altname) || name.equals(wsSymbol) || name.equals(symbol);
    }

    /** The entry of an AssetPairs answer for {@code symbol} (matched against every name), mapped. */
    public static Optional<Pair> fromAssetPairs(JsonNode result, String symbol) {
        Iterator<Map.Entry<String, JsonNode>> fields = result.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode p = e.getValue();
            String altname = p.path("altname").asText("");
            String wsname = p.path("wsname").asText("");
            String v2 = v2Symbol(wsname);
            if (symbol.equals(e.getKey()) || symbol.equals(altname) || symbol.equals(wsname) || symbol.equals(v2)) {
                return Optional.of(of(symbol, e.getKey(), p));
            }
        }
        return Optional.empty();
    }

    static Pair of(String symbol, String key, JsonNode p) {
        int lotDecimals = (int) VenueJson.integer(p, "lot_decimals");
        BigDecimal step = BigDecimal.ONE.movePointLeft(lotDecimals);
        BigDecimal tick = p.hasNonNull("tick_size") ? VenueJson.decimal(p, "tick_size")
                : BigDecimal.ONE.movePointLeft((int) VenueJson.integer(p, "pair_decimals"));
        BigDecimal orderMin = p.hasNonNull("ordermin") ? VenueJson.decimal(p, "ordermin") : BigDecimal.ZERO;
        BigDecimal costMin = p.hasNonNull("costmin") ? VenueJson.decimal(p, "costmin") : BigDecimal.ZERO;
        Instrument instrument = new Instrument(symbol, VenueJson.text(p, "base"), VenueJson.text(p, "quote"), tick, step, orderMin, costMin);
        return new Pair(symbol, key, VenueJson.text(p, "altname"), v2Symbol(VenueJson.text(p, "wsname")),
                p.path("status").asText("online"), instrument);
    }

    /** {@code XBT/USD} as WebSocket v2 spells it: {@code BTC/USD}. */
    public static String v2Symbol(String wsname) {
        int slash = wsname.indexOf('/');
        if (slash < 0) return wsname;
        return v2Asset(wsname.substring(0, slash)) + "/" + v2Asset(wsname.substring(slash + 1));
    }

    private static String v2Asset(String code) {
        return switch (code) {
            case "XBT" -> "BTC";
            case "XDG" -> "DOGE";
            default -> code;
        };
    }
}
