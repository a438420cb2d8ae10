package io.tradekit.grid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One completed cycle of a pair: {@code quantity} bought at {@code buyPrice} (the average entry, which
 * for inventory bought by the bootstrap is the bootstrap's price) and sold at {@code sellPrice}.
 * {@code fees} are both legs' fees; {@code profit} is net of them and computed from the fills exactly.
 */
public record GridRoundTrip(int pair, BigDecimal buyPrice, BigDecimal sellPrice, BigDecimal quantity, BigDecimal fees,
                            BigDecimal profit, Instant closedAt) {
    public GridRoundTrip {
        Objects.requireNonNull(buyPrice, "buyPrice");
        Objects.requireNonNull(sellPrice, "sellPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(profit, "profit");
        Objects.requireNonNull(closedAt, "closedAt");
    }
}
