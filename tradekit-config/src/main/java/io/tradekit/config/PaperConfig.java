package io.tradekit.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The paper account of the {@code paper} mode: starting cash in the instrument's quote asset, maker and
 * taker fees and slippage on market orders, in basis points (10 = 0.1 %).
 *
 * @param cash        the starting cash, in the quote asset
 * @param makerFeeBps the fee on maker fills, in basis points
 * @param takerFeeBps the fee on taker fills, in basis points
 * @param slippageBps how much worse than the price a market order fills, in basis points
 */
public record PaperConfig(BigDecimal cash, BigDecimal makerFeeBps, BigDecimal takerFeeBps, BigDecimal slippageBps) {

    /** The defaults: 10 000 cash, 10 bps maker and taker fees, no slippage. */
    public static final PaperConfig DEFAULT = new PaperConfig(new BigDecimal("10000"), BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO);

    /**
     * Checks that every field is given.
     *
     * @throws NullPointerException when a field is null
     */
    public PaperConfig {
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(makerFeeBps, "makerFeeBps");
        Objects.requireNonNull(takerFeeBps, "takerFeeBps");
        Objects.requireNonNull(slippageBps, "slippageBps");
    }
}
