package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An instant price move for a stress test: {@code change} is a fraction (-0.10 is a 10 % fall) applied
 * to one symbol, or to every symbol when {@code symbol} is empty.
 */
public record PriceShock(Optional<String> symbol, BigDecimal change) {

    public PriceShock {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(change, "change");
        if (change.compareTo(BigDecimal.ONE.negate()) <= 0) {
            throw new InvalidInputException("a price shock must leave a positive price: change " + change.toPlainString() + " is -100 % or worse");
        }
    }

    /** Every symbol moves by {@code change}. */
    public static PriceShock all(String change) {
        return new PriceShock(Optional.empty(), new BigDecimal(change));
    }

    public static PriceShock on(String symbol, String change) {
        return new PriceShock(Optional.of(symbol), new BigDecimal(change));
    }

    /** Falls and rises of 5, 10 and 20 % across the book: longs lose on the first, shorts on the second. */
    public static List<PriceShock> standard() {
        return List.of(all("-0.05"), all("-0.10"), all("-0.20"), all("0.05"), all("0.10"), all("0.20"));
    }

    public boolean applies(String s) {
        return symbol.map(s::equals).orElse(true);
    }

    @Override
    public String toString() {
        return (change.signum() >= 0 ? "+" : "") + change.movePointRight(2).stripTrailingZeros().toPlainString() + " %"
                + symbol.map(s -> " on " + s).orElse("");
    }
}
