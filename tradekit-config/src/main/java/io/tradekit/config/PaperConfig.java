package io.tradekit.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The paper account of the {@code paper} mode: starting cash in the instrument's quote asset, maker and
 * taker fees and slippage on market orders, in basis points (10 = 0.1 %).
 */
public record PaperConfig(BigDecimal cash, BigDecimal makerFeeBps, BigDecimal takerFeeBps, BigDecimal slippageBps) {

    public static final PaperConfig DEFAULT = new PaperConfig(new BigDecimal("10000"), BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO);

    public PaperConfig {
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(makerFeeBps, "makerFeeBps");
        Objects.requireNonNull(takerFeeBps, "takerFeeBps");
        Objects.requireNonNull(slippageBps, "slippageBps");
    }
}
