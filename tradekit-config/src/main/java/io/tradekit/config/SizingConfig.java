package io.tradekit.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How large a BUY signal's order is: {@code fractionOfEquity} of the bot's equity (1 = all of it, never
 * more than the free cash), leaving room for a taker fee of {@code takerFeeRate} (0.001 = 0.1 %).
 *
 * @param fractionOfEquity the fraction of equity a BUY signal spends, 1 for all of it
 * @param takerFeeRate     the taker fee as a fraction (not basis points) that sizing leaves room for
 */
public record SizingConfig(BigDecimal fractionOfEquity, BigDecimal takerFeeRate) {

    /** The defaults: all of the equity, room for a 0.1 % taker fee. */
    public static final SizingConfig DEFAULT = new SizingConfig(BigDecimal.ONE, new BigDecimal("0.001"));

    /**
     * Checks that both fields are given.
     *
     * @throws NullPointerException when a field is null
     */
    public SizingConfig {
        Objects.requireNonNull(fractionOfEquity, "fractionOfEquity");
        Objects.requireNonNull(takerFeeRate, "takerFeeRate");
    }
}
