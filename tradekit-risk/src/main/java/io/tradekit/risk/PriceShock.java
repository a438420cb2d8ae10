package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An instant price move for a {@link StressTest}: {@code change} is a fraction (-0.10 is a 10 % fall) applied
 * to one symbol, or to every symbol when {@code symbol} is empty.
 *
 * @param symbol the symbol that moves, or empty for every symbol
 * @param change the price move as a fraction of the price, greater than -1
 */
public record PriceShock(Optional<String> symbol, BigDecimal change) {

    /**
     * Checks the move.
     *
     * @throws NullPointerException if either component is null
     * @throws io.tradekit.api.InvalidInputException if {@code change} is -1 (-100 %) or lower, which would leave no
     *         positive price
     */
    public PriceShock {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(change, "change");
        if (change.compareTo(BigDecimal.ONE.negate()) <= 0) {
            throw new InvalidInputException("a price shock must leave a positive price: change " + change.toPlainString() + " is -100 % or worse");
        }
    }

    /**
     * Every symbol moves by {@code change}.
     *
     * @param change the move as a decimal fraction, for example {@code "-0.10"}
     * @return the shock
     * @throws NumberFormatException if {@code change} is not a decimal number
     */
    public static PriceShock all(String change) {
        return new PriceShock(Optional.empty(), new BigDecimal(change));
    }

    /**
     * One symbol moves by {@code change}; the others stay where they are.
     *
     * @param symbol the symbol that moves
     * @param change the move as a decimal fraction, for example {@code "0.05"}
     * @return the shock
     * @throws NumberFormatException if {@code change} is not a decimal number
     */
    public static PriceShock on(String symbol, String change) {
        return new PriceShock(Optional.of(symbol), new BigDecimal(change));
    }

    /**
     * Falls and rises of 5, 10 and 20 % across the book: longs lose on the first, shorts on the second.
     *
     * @return six shocks: -5, -10, -20, +5, +10 and +20 % on every symbol
     */
    public static List<PriceShock> standard() {
        return List.of(all("-0.05"), all("-0.10"), all("-0.20"), all("0.05"), all("0.10"), all("0.20"));
    }

    /**
     * Whether this shock moves a symbol.
     *
     * @param s the symbol
     * @return true if the shock names {@code s} or names no symbol
     */
    public boolean applies(String s) {
        return symbol.map(s::equals).orElse(true);
    }

    @Override
    public String toString() {
        return (change.signum() >= 0 ? "+" : "") + change.movePointRight(2).stripTrailingZeros().toPlainString() + " %"
                + symbol.map(s -> " on " + s).orElse("");
    }
}
