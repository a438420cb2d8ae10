package io.tradekit.core.sizing;

import io.tradekit.api.Instrument;
import io.tradekit.api.OrderRejectedException;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How much of a holding an exit can sell: the holding rounded down to the step, if that passes the
 * instrument's minimums at the price; what is left below them is dust, which no order can sell.
 *
 * <pre>{@code ExitQuantity exit = ExitQuantity.of(new BigDecimal("0.0012345"), btcusdt, price);
 * exit.sellable(); // 0.00123
 * exit.dust();     // 0.0000045}</pre>
 */
public record ExitQuantity(BigDecimal holding, BigDecimal sellable, BigDecimal dust, Optional<String> refusal) {

    public ExitQuantity {
        Objects.requireNonNull(holding, "holding");
        Objects.requireNonNull(sellable, "sellable");
        Objects.requireNonNull(dust, "dust");
        Objects.requireNonNull(refusal, "refusal");
    }

    /** @param holding the absolute quantity held (long or short) */
    public static ExitQuantity of(BigDecimal holding, Instrument instrument, BigDecimal price) {
        BigDecimal abs = holding.abs();
        if (abs.signum() == 0) return new ExitQuantity(abs, BigDecimal.ZERO, BigDecimal.ZERO, Optional.empty());
        BigDecimal sellable = OrderRounding.quantityDown(abs, instrument);
        if (sellable.signum() == 0) {
            return new ExitQuantity(abs, BigDecimal.ZERO, abs, Optional.of(abs.stripTrailingZeros().toPlainString() + " "
                    + instrument.baseAsset() + " cannot be sold (dust): below the step size " + instrument.stepSize().toPlainString()));
        }
        try {
            instrument.check(sellable, price, false);
        } catch (OrderRejectedException e) {
            return new ExitQuantity(abs, BigDecimal.ZERO, abs, Optional.of(abs.stripTrailingZeros().toPlainString() + " "
                    + instrument.baseAsset() + " cannot be sold (dust): " + e.getMessage()));
        }
        return new ExitQuantity(abs, sellable, abs.subtract(sellable), Optional.empty());
    }

    public boolean hasDust() {
        return dust.signum() > 0;
    }

    public boolean canSell() {
        return sellable.signum() > 0;
    }
}
