package io.tradekit.kraken.sim;

import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The one pair the simulator lists, as Kraken's AssetPairs describes it: REST key ({@code XXBTZUSD}),
 * altname ({@code XBTUSD}), wsname ({@code XBT/USD}), asset codes, filters and status.
 *
 * @param key         the pair's key in AssetPairs' answer, e.g. {@code XXBTZUSD}
 * @param altname     the alternative name, e.g. {@code XBTUSD}; the matching engine's symbol
 * @param wsname      the WebSocket name with a {@code /}, e.g. {@code XBT/USD}
 * @param base        Kraken's code of the base asset, e.g. {@code XXBT}
 * @param quote       Kraken's code of the quote asset, e.g. {@code ZUSD}
 * @param tickSize    the price increment, e.g. 0.1
 * @param lotDecimals the decimals of an order's volume, 0..12 (8: a step of 0.00000001)
 * @param orderMin    the smallest order volume, in the base asset
 * @param costMin     the smallest order cost (price times volume), in the quote asset
 * @param status      the pair's status: {@code online}, {@code cancel_only}, {@code post_only}, {@code limit_only} or {@code maintenance}
 */
public record PairSpec(String key, String altname, String wsname, String base, String quote, BigDecimal tickSize, int lotDecimals,
                       BigDecimal orderMin, BigDecimal costMin, String status) {

    /**
     * Checks the names and the lot decimals.
     *
     * @throws InvalidInputException when {@code wsname} has no {@code /} or {@code lotDecimals} is outside 0..12
     * @throws NullPointerException when {@code key}, {@code altname} or {@code wsname} is null
     */
    public PairSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(altname, "altname");
        Objects.requireNonNull(wsname, "wsname");
        if (!wsname.contains("/")) throw new InvalidInputException("kraken simulator: wsname '" + wsname + "' has no '/'");
        if (lotDecimals < 0 || lotDecimals > 12) throw new InvalidInputException("kraken simulator: lot decimals must be 0..12, got " + lotDecimals);
    }

    /**
     * Bitcoin against the US dollar with Kraken's filters (tick 0.1, 8 lot decimals, minimum 0.00005 and 0.5 USD), online.
     *
     * @return the pair
     */
    public static PairSpec xbtUsd() {
        return new PairSpec("XXBTZUSD", "XBTUSD", "XBT/USD", "XXBT", "ZUSD", new BigDecimal("0.1"), 8,
                new BigDecimal("0.00005"), new BigDecimal("0.5"), "online");
    }

    /**
     * Ether against the US dollar (tick 0.01, 8 lot decimals, minimum 0.002 and 0.5 USD), online.
     *
     * @return the pair
     */
    public static PairSpec ethUsd() {
        return new PairSpec("XETHZUSD", "ETHUSD", "ETH/USD", "XETH", "ZUSD", new BigDecimal("0.01"), 8,
                new BigDecimal("0.002"), new BigDecimal("0.5"), "online");
    }

    /**
     * The same pair in another status ({@code online}, {@code cancel_only}, {@code post_only}, {@code limit_only}, {@code maintenance}).
     *
     * @param newStatus the status AssetPairs reports
     * @return the copy
     */
    public PairSpec withStatus(String newStatus) {
        return new PairSpec(key, altname, wsname, base, quote, tickSize, lotDecimals, orderMin, costMin, newStatus);
    }

    /**
     * The WebSocket v2 symbol: XBT and XDG are written BTC and DOGE.
     *
     * @return e.g. {@code BTC/USD} for the wsname {@code XBT/USD}
     */
    public String wsSymbol() {
        String[] parts = wsname.split("/");
        return v2(parts[0]) + "/" + v2(parts[1]);
    }

    private static String v2(String code) {
        return code.equals("XBT") ? "BTC" : code.equals("XDG") ? "DOGE" : code;
    }

    /** The matching engine's view: symbol = altname, assets = Kraken's codes. */
    Instrument instrument() {
        return new Instrument(altname, base, quote, tickSize, BigDecimal.ONE.movePointLeft(lotDecimals), orderMin, costMin);
    }

    boolean isCalled(String name) {
        return name.equals(key) || name.equals(altname);
    }
}
