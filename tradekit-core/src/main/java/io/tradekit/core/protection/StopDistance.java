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
     */
    Optional<BigDecimal> resolve(BigDecimal price, IntFunction<Optional<BigDecimal>> atr);

    /** Short text for reasons and reports, e.g. {@code 2%} or {@code 2×ATR(14)}. */
    String describe();

    static StopDistance fixed(BigDecimal priceDistance) {
        return new Fixed(priceDistance);
    }

    static StopDistance percent(BigDecimal fraction) {
        return new Percent(fraction);
    }

    static StopDistance atr(int period, BigDecimal multiple) {
        return new AtrMultiple(period, multiple);
    }

    /** A distance in price units. */
    record Fixed(BigDecimal amount) implements StopDistance {
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

    /** A fraction of the price: 0.02 is 2 %. */
    record Percent(BigDecimal fraction) implements StopDistance {
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

    /** {@code multiple} average true ranges over {@code period} bars. */
    record AtrMultiple(int period, BigDecimal multiple) implements StopDistance {
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
