package io.tradekit.core.internal;

import io.tradekit.core.EquityPoint;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EquityCurveTest {

    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void sortinoIsTheMeanReturnOverTheDownsideDeviation() {
        EquityCurve curve = new EquityCurve(true);
        // returns +10 %, -10 %, +10 %, 0: mean 0.025; downside deviation sqrt(0.1^2 / 4) = 0.05
        String[] equity = {"100", "110", "99", "108.9", "108.9"};
        for (int i = 0; i < equity.length; i++) curve.add(T0.plusSeconds(3600L * i), new BigDecimal(equity[i]));
        assertThat(curve.sortino(1)).isCloseTo(0.5, within(1e-12));
        // annualized with four bars a year: times sqrt(4)
        assertThat(curve.sortino(4)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void sortinoHasNoValueWithoutALosingBar() {
        EquityCurve rising = new EquityCurve(false);
        EquityCurve flat = new EquityCurve(false);
        for (int i = 0; i < 3; i++) {
            rising.add(T0.plusSeconds(i), BigDecimal.valueOf(100 + i));
            flat.add(T0.plusSeconds(i), BigDecimal.valueOf(100));
        }
        assertThat(rising.sortino(1)).isNaN();
        assertThat(flat.sortino(1)).isZero();
    }

    @Test
    void aDayClosesWithItsLastMarkAndAMarkAtMidnightClosesTheDayBefore() {
        EquityCurve curve = new EquityCurve(false);
        curve.add(T0.plusSeconds(3600), new BigDecimal("100"));
        curve.add(T0.plusSeconds(86_400), new BigDecimal("101"));        // midnight: the close of 1 March
        curve.add(T0.plusSeconds(86_400 + 60), new BigDecimal("102"));   // 2 March
        curve.add(T0.plusSeconds(2 * 86_400 - 60), new BigDecimal("103"));
        curve.add(T0.plusSeconds(3 * 86_400 + 60), new BigDecimal("99")); // 4 March: 3 March had no mark
        assertThat(curve.dayCloses()).containsExactly(
                new EquityPoint(T0.plusSeconds(86_400), new BigDecimal("101")),
                new EquityPoint(T0.plusSeconds(2 * 86_400 - 60), new BigDecimal("103")),
                new EquityPoint(T0.plusSeconds(3 * 86_400 + 60), new BigDecimal("99")));
    }

    @Test
    void everyKeptEquityReadsBackWithItsDigitsAndScale() {
        EquityCurve curve = new EquityCurve(true);
        BigDecimal[] marks = {
                new BigDecimal("1000000.123456789012"),     // 18 digits: the widest kept as a long
                new BigDecimal("-250.50"),                  // negative, trailing zero kept
                new BigDecimal("0.000"),                    // zero with a scale
                new BigDecimal("1E+3"),                     // negative scale
                new BigDecimal("12345678901234567890.5"),   // 21 digits: kept as it is
                new BigDecimal("1").movePointLeft(200),     // scale 200: beyond a byte, kept as it is
                new BigDecimal("999999999999999999"),       // 18 nines
                new BigDecimal("-9999999999999999999")};    // 19 digits, negative
        // each mark twice in a row: the second is the same object, as a flat book's equity is from bar to bar
        for (int i = 0; i < 3000; i++) curve.add(T0.plusSeconds(60L * i), marks[i / 2 % marks.length]);
        assertThat(curve.size()).isEqualTo(3000);
        for (int i = 0; i < 3000; i++) {
            BigDecimal read = curve.equity(i);
            BigDecimal added = marks[i / 2 % marks.length];
            assertThat(read).as("point %d", i).isEqualTo(added); // equals: the same digits and the same scale
            assertThat(read.scale()).isEqualTo(added.scale());
            assertThat(curve.time(i)).isEqualTo(T0.plusSeconds(60L * i));
        }
    }

    @Test
    void aPointBeyondTheCurveIsRefusedWithItsIndex() {
        EquityCurve curve = new EquityCurve(true);
        curve.add(T0, BigDecimal.TEN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> curve.equity(1))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("equity point 1 of 1");
    }
}
