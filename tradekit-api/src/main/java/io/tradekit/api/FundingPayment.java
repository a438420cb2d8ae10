package io.tradekit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One funding settlement of a perpetual position: at {@code time} the position of {@code quantity}
 * contracts (signed) paid {@code amount} of the quote asset at {@code rate} and {@code markPrice}
 * ({@code amount = quantity × contract size × mark × rate}); a negative amount was received. A positive
 * rate has longs pay shorts.
 */
public record FundingPayment(String symbol, Instant time, BigDecimal rate, BigDecimal markPrice, BigDecimal quantity,
                             BigDecimal amount) {
    public FundingPayment {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(markPrice, "markPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
    }

    /** Whether the account received this payment rather than paid it. */
    public boolean isReceived() {
        return amount.signum() < 0;
    }
}
