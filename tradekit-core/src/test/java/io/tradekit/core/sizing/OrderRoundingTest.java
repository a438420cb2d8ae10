package io.tradekit.core.sizing;

import io.tradekit.api.Instrument;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rounding to an instrument's tick and step (0.01 and 0.00001). A number already on the grid comes back as the
 * very same instance, so that the orders a long run makes from one level share it instead of each keeping a copy.
 */
class OrderRoundingTest {

    static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
            new BigDecimal("0.00001"), new BigDecimal("5"));

    @Test
    void aQuantityOnTheStepIsKeptAsTheSameInstance() {
        BigDecimal size = new BigDecimal("0.01");
        assertThat(OrderRounding.quantityDown(size, BTC)).isSameAs(size);
    }

    @Test
    void aQuantityOffTheStepIsRoundedDownAndStripped() {
        assertThat(OrderRounding.quantityDown(new BigDecimal("0.0123456"), BTC)).isEqualTo(new BigDecimal("0.01234"));
        // On the step but with trailing zeros: the same value, stripped, as a new number.
        BigDecimal padded = new BigDecimal("0.01000");
        BigDecimal rounded = OrderRounding.quantityDown(padded, BTC);
        assertThat(rounded).isEqualTo(new BigDecimal("0.01")).isNotSameAs(padded);
    }

    @Test
    void aPriceOnTheTickIsKeptAsTheSameInstanceForEitherSide() {
        BigDecimal price = new BigDecimal("50505.84");
        assertThat(OrderRounding.price(price, Side.BUY, BTC)).isSameAs(price);
        assertThat(OrderRounding.price(price, Side.SELL, BTC)).isSameAs(price);
    }

    @Test
    void aPriceOffTheTickIsRoundedDownForABuyAndUpForASell() {
        assertThat(OrderRounding.price(new BigDecimal("50505.845"), Side.BUY, BTC)).isEqualTo(new BigDecimal("50505.84"));
        assertThat(OrderRounding.price(new BigDecimal("50505.845"), Side.SELL, BTC)).isEqualTo(new BigDecimal("50505.85"));
    }

    @Test
    void anIntentAlreadyOnTheGridIsKeptWithItsNumbers() {
        OrderIntent intent = OrderIntent.limit("BTCUSDT", Side.BUY, new BigDecimal("0.01"), new BigDecimal("50000.5"));
        assertThat(OrderRounding.round(intent, BTC)).isSameAs(intent);

        OrderIntent off = OrderIntent.limit("BTCUSDT", Side.SELL, new BigDecimal("0.0100009"), new BigDecimal("50000.501"));
        OrderIntent rounded = OrderRounding.round(off, BTC);
        assertThat(rounded.quantity()).isEqualTo(new BigDecimal("0.01"));
        assertThat(rounded.limitPrice()).contains(new BigDecimal("50000.51"));
    }

    /**
     * Over many numbers and steps, rounding gives exactly (digits and scale) what dividing by the step, rounding to a whole
     * number of steps and multiplying back gives, trailing zeros stripped: also where it takes its shortcut for a number
     * already on a power-of-ten step, and for steps that are not powers of ten or carry trailing zeros.
     */
    @Test
    void agreesWithRoundingByDivisionForEveryKindOfStep() {
        java.util.Random random = new java.util.Random(5);
        String[] steps = {"0.01", "0.00001", "1", "1E+2", "0.5", "0.010", "5", "0.25"};
        for (String s : steps) {
            BigDecimal step = new BigDecimal(s);
            Instrument instrument = new Instrument("XUSD", "X", "USD", step, step, BigDecimal.ZERO, BigDecimal.ZERO);
            for (int i = 0; i < 2_000; i++) {
                BigDecimal value = BigDecimal.valueOf(random.nextLong(1, 100_000_000), random.nextInt(-3, 9));
                if (i % 5 == 0) value = value.setScale(value.scale() + 2); // trailing zeros
                BigDecimal down = value.divide(step, 0, java.math.RoundingMode.FLOOR).multiply(step).stripTrailingZeros();
                BigDecimal up = value.divide(step, 0, java.math.RoundingMode.CEILING).multiply(step).stripTrailingZeros();
                assertThat(OrderRounding.quantityDown(value, instrument)).as("%s on step %s", value, step).isEqualTo(down);
                assertThat(OrderRounding.price(value, Side.BUY, instrument)).as("buy %s on tick %s", value, step).isEqualTo(down);
                assertThat(OrderRounding.price(value, Side.SELL, instrument)).as("sell %s on tick %s", value, step).isEqualTo(up);
            }
        }
    }
}
