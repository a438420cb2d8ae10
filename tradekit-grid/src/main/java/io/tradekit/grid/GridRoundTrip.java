package io.tradekit.grid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One completed cycle of a pair: {@code quantity} bought at {@code buyPrice} (the average entry, which
 * for inventory bought by the bootstrap is the bootstrap's price) and sold at {@code sellPrice}.
 * {@code fees} are both legs' fees; {@code profit} is net of them and computed from the fills exactly.
 *
 * @param pair      the pair's index (its lower level)
 * @param buyPrice  the average buy price, in the quote asset
 * @param sellPrice the average sell price, in the quote asset
 * @param quantity  the base quantity bought and sold
 * @param fees      both legs' fees, in the quote asset
 * @param profit    the net profit, in the quote asset; negative for a loss
 * @param closedAt  when the closing fill came, on the market clock
 */
public record GridRoundTrip(int pair, BigDecimal buyPrice, BigDecimal sellPrice, BigDecimal quantity, BigDecimal fees,
                            BigDecimal profit, Instant closedAt) {
    /**
     * Checks that no reference component is null.
     *
     * @throws NullPointerException if a price, the quantity, fees, profit or {@code closedAt} is null
     */
    public GridRoundTrip {
        Objects.requireNonNull(buyPrice, "buyPrice");
        Objects.requireNonNull(sellPrice, "sellPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(profit, "profit");
        Objects.requireNonNull(closedAt, "closedAt");
    }
}
