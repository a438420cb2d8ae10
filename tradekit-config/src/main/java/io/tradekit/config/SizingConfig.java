package io.tradekit.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How large a BUY signal's order is: {@code fractionOfEquity} of the bot's equity (1 = all of it, never
 * more than the free cash), leaving room for a taker fee of {@code takerFeeRate} (0.001 = 0.1 %).
 */
public record SizingConfig(BigDecimal fractionOfEquity, BigDecimal takerFeeRate) {

    public static final SizingConfig DEFAULT = new SizingConfig(BigDecimal.ONE, new BigDecimal("0.001"));

    public SizingConfig {
        Objects.requireNonNull(fractionOfEquity, "fractionOfEquity");
        Objects.requireNonNull(takerFeeRate, "takerFeeRate");
    }
}
