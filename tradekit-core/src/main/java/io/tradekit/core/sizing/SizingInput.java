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
 */
public record SizingInput(Instrument instrument, BigDecimal price, BigDecimal equity, BigDecimal cash,
                          BigDecimal feeRate, Optional<BigDecimal> stopDistance, BigDecimal leverage) {
    public SizingInput {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(feeRate, "feeRate");
        Objects.requireNonNull(stopDistance, "stopDistance");
        Objects.requireNonNull(leverage, "leverage");
    }

    /** A spot input: leverage 1. */
    public SizingInput(Instrument instrument, BigDecimal price, BigDecimal equity, BigDecimal cash,
                       BigDecimal feeRate, Optional<BigDecimal> stopDistance) {
        this(instrument, price, equity, cash, feeRate, stopDistance, BigDecimal.ONE);
    }
}
