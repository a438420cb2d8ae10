package io.tradekit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One funding settlement of a perpetual position: at {@code time} the position of {@code quantity}
 * contracts (signed) paid {@code amount} of the quote asset at {@code rate} and {@code markPrice}
 * ({@code amount = quantity × contract size × mark × rate}); a negative amount was received. A positive
 * rate has longs pay shorts.
 *
 * @param symbol    the venue's symbol
 * @param time      when the funding settled
 * @param rate      the funding rate of that interval
 * @param markPrice the mark price it was settled at
 * @param quantity  the position's signed quantity in contracts then
 * @param amount    paid (positive) or received (negative), in the quote asset
 */
public record FundingPayment(String symbol, Instant time, BigDecimal rate, BigDecimal markPrice, BigDecimal quantity,
                             BigDecimal amount) {
    /** Checks that every field is given. */
    public FundingPayment {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(markPrice, "markPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
    }

    /**
     * Whether the account received this payment rather than paid it.
     *
     * @return true when the amount is negative
     */
    public boolean isReceived() {
        return amount.signum() < 0;
    }
}
