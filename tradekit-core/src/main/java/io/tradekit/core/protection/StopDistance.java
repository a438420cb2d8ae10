package io.tradekit.core.protection;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * How far from a price a protective level sits: a fixed price distance, a fraction of the price, or a
 * multiple of the average true range (ta4j {@code ATRIndicator} over the bot's own bars).
 *
 * <pre>{@code StopDistance.percent(new BigDecimal("0.02")); StopDistance.atr(14, new BigDecimal("2"));}</pre>
 */
public sealed interface StopDistance {

    /**
     * The distance from {@code price}; empty when it cannot be known yet (an ATR over more bars than the
     * bot has).
     *
     * @param atr the ATR of a period over the bot's bars, empty while there are fewer bars than the period
     * @param price the price the distance is measured from (the entry)
     * @return the distance in price units, or empty
     */
    Optional<BigDecimal> resolve(BigDecimal price, IntFunction<Optional<BigDecimal>> atr);

    /**
     * Short text for reasons and reports, e.g. {@code 2%} or {@code 2×ATR(14)}.
     *
     * @return the description
     */
    String describe();

    /**
     * A fixed distance in price units.
     *
     * @param priceDistance the distance; positive
     * @return the distance
     * @throws InvalidInputException if it is not positive
     */
    static StopDistance fixed(BigDecimal priceDistance) {
        return new Fixed(priceDistance);
    }

    /**
     * A fraction of the price.
     *
     * @param fraction in (0, 1): 0.02 is 2 %
     * @return the distance
     * @throws InvalidInputException if it is not in (0, 1)
     */
    static StopDistance percent(BigDecimal fraction) {
        return new Percent(fraction);
    }

    /**
     * A multiple of the average true range.
     *
     * @param period the ATR's period in bars; 1 or more
     * @param multiple how many ATRs; positive
     * @return the distance
     * @throws InvalidInputException if the period is below 1 or the multiple not positive
     */
    static StopDistance atr(int period, BigDecimal multiple) {
        return new AtrMultiple(period, multiple);
    }

    /**
     * A distance in price units.
     *
     * @param amount the distance in price units; positive
     */
    record Fixed(BigDecimal amount) implements StopDistance {
        /**
         * Checks the amount.
         *
         * @throws InvalidInputException if it is null or not positive
         */
        public Fixed {
            if (amount == null || amount.signum() <= 0) throw new InvalidInputException("stop distance must be positive, got " + amount);
        }

        @Override
        public Optional<BigDecimal> resolve(BigDecimal price, IntFunction<Optional<BigDecimal>> atr) {
            return Optional.of(amount);
        }

        @Override
        public String describe() {
            return amount.stripTrailingZeros().toPlainString();
        }
    }

    /**
     * A fraction of the price: 0.02 is 2 %.
     *
     * @param fraction the fraction, in (0, 1)
     */
    record Percent(BigDecimal fraction) implements StopDistance {
        /**
         * Checks the fraction.
         *
         * @throws InvalidInputException if it is null or not in (0, 1)
         */
        public Percent {
            if (fraction == null || fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) >= 0) {
                throw new InvalidInputException("stop distance fraction must be in (0, 1), got " + fraction
                        + (fraction != null && fraction.compareTo(BigDecimal.ONE) >= 0 ? " (write 0.02 for 2 %)" : ""));
            }
        }

        @Override
        public Optional<BigDecimal> resolve(BigDecimal price, IntFunction<Optional<BigDecimal>> atr) {
            return Optional.of(price.multiply(fraction, MathContext.DECIMAL64));
        }

        @Override
        public String describe() {
            return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
    }

    /**
     * {@code multiple} average true ranges over {@code period} bars.
     *
     * @param period the ATR's period in bars; 1 or more
     * @param multiple how many ATRs; positive
     */
    record AtrMultiple(int period, BigDecimal multiple) implements StopDistance {
        /**
         * Checks the period and multiple.
         *
         * @throws InvalidInputException if the period is below 1 or the multiple not positive
         * @throws NullPointerException if the multiple is null
         */
        public AtrMultiple {
            if (period < 1) throw new InvalidInputException("ATR period must be 1 or more, got " + period);
            Objects.requireNonNull(multiple, "multiple");
            if (multiple.signum() <= 0) throw new InvalidInputException("ATR multiple must be positive, got " + multiple);
        }

        @Override
        public Optional<BigDecimal> resolve(BigDecimal price, IntFunction<Optional<BigDecimal>> atr) {
            return atr.apply(period).filter(a -> a.signum() > 0).map(a -> a.multiply(multiple, MathContext.DECIMAL64));
        }

        @Override
        public String describe() {
            return multiple.stripTrailingZeros().toPlainString() + "×ATR(" + period + ")";
        }
    }
}
