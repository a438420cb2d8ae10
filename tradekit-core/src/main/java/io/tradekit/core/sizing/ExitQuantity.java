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
 *
 * @param holding the absolute quantity held
 * @param sellable what an order can sell: the holding rounded down to the step, or zero when that fails the minimums
 * @param dust what is left, which no order can sell
 * @param refusal why nothing can be sold, or empty when something can
 */
public record ExitQuantity(BigDecimal holding, BigDecimal sellable, BigDecimal dust, Optional<String> refusal) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ExitQuantity {
        Objects.requireNonNull(holding, "holding");
        Objects.requireNonNull(sellable, "sellable");
        Objects.requireNonNull(dust, "dust");
        Objects.requireNonNull(refusal, "refusal");
    }

    /**
     * Splits a holding into what an exit can sell and the dust.
     *
     * @param holding the quantity held, long or short; its absolute value is used
     * @param instrument the instrument, with its step size and minimums
     * @param price the price the minimum notional is checked at
     * @return the split; all of it dust, with the reason, when the rounded quantity fails the minimums
     */
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

    /**
     * Whether some of the holding cannot be sold.
     *
     * @return true when the dust is more than zero
     */
    public boolean hasDust() {
        return dust.signum() > 0;
    }

    /**
     * Whether an exit can sell anything.
     *
     * @return true when the sellable quantity is more than zero
     */
    public boolean canSell() {
        return sellable.signum() > 0;
    }
}
