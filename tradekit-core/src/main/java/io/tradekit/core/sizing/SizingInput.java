package io.tradekit.core.sizing;

import io.tradekit.api.Instrument;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sizer knows: the price the order will trade near, the account, the instrument, the taker fee
 * as a fraction (0.001 = 10 bps), when the strategy set one, the distance to the stop, and the leverage of
 * a derivatives position (1 for spot). On a derivatives bot {@code cash} is the available balance, which
 * pays the position's margin ({@code notional / leverage}) and its fee.
 *
 * @param instrument the instrument, with its filters and margin rules
 * @param price the price the order will trade near
 * @param equity the bot's equity in the quote asset (its budget's equity when it has one)
 * @param cash the free cash in the quote asset (the available balance on a derivatives bot)
 * @param feeRate the taker fee as a fraction: 0.001 is 10 bps
 * @param stopDistance the distance to the stop in price units, or empty without a stop-loss
 * @param leverage the position's leverage; 1 for spot
 */
public record SizingInput(Instrument instrument, BigDecimal price, BigDecimal equity, BigDecimal cash,
                          BigDecimal feeRate, Optional<BigDecimal> stopDistance, BigDecimal leverage) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public SizingInput {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(feeRate, "feeRate");
        Objects.requireNonNull(stopDistance, "stopDistance");
        Objects.requireNonNull(leverage, "leverage");
    }

    /**
     * A spot input: leverage 1.
     *
     * @param instrument the instrument
     * @param price the price the order will trade near
     * @param equity the bot's equity in the quote asset
     * @param cash the free cash in the quote asset
     * @param feeRate the taker fee as a fraction
     * @param stopDistance the distance to the stop in price units, or empty
     */
    public SizingInput(Instrument instrument, BigDecimal price, BigDecimal equity, BigDecimal cash,
                       BigDecimal feeRate, Optional<BigDecimal> stopDistance) {
        this(instrument, price, equity, cash, feeRate, stopDistance, BigDecimal.ONE);
    }
}
