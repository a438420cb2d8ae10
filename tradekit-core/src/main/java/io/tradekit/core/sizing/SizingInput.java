package io.tradekit.core.sizing;

import io.tradekit.api.Instrument;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sizer knows: the price the order will trade near, the account, the instrument, the taker fee
 * as a fraction (0.001 = 10 bps) and, when the strategy set one, the distance to the stop.
 */
public record SizingInput(Instrument instrument, BigDecimal price, BigDecimal equity, BigDecimal cash,
                          BigDecimal feeRate, Optional<BigDecimal> stopDistance) {
    public SizingInput {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(feeRate, "feeRate");
        Objects.requireNonNull(stopDistance, "stopDistance");
    }
}
