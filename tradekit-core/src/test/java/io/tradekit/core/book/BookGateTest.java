package io.tradekit.core.book;

import io.tradekit.api.BookLevel;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderBook;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookGateTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    /*
     * bids 99.90 x 10, 99.80 x 5; asks 100.10 x 4, 100.50 x 20
     * mid = (99.90 + 100.10) / 2 = 100.00; spread 0.20 = 0.20 / 100 x 10 000 = 20 bps
     * band 30 bps: bids >= 99.70, asks <= 100.30
     *   bid depth = 99.90 x 10 + 99.80 x 5 = 999.00 + 499.00 = 1498.00
     *   ask depth = 100.10 x 4 = 400.40 (100.50 is outside)
     *   imbalance = (1498.00 - 400.40) / (1498.00 + 400.40) = 1097.6 / 1898.4 = 0.5781710914454277 (16 digits)
     */
    private static OrderBook book() {
        return new OrderBook("BTCUSDT", 42, T0,
                List.of(level("99.90", "10"), level("99.80", "5")),
                List.of(level("100.10", "4"), level("100.50", "20")));
    }

    private static BookLevel level(String price, String quantity) {
        return new BookLevel(new BigDecimal(price), new BigDecimal(quantity));
    }

    @Test
    void aBookWithinEveryThresholdPasses() {
        BookGate gate = BookGate.none().band(new BigDecimal("30")).maxSpreadBps(new BigDecimal("20")).minDepth(new BigDecimal("400.40"))
                .imbalanceWithin(new BigDecimal("-0.6"), new BigDecimal("0.6")).maxAge(Duration.ofSeconds(5));

        BookVerdict verdict = gate.check(book(), T0.plusSeconds(5));

        assertThat(verdict.passed()).as(verdict.reason()).isTrue();
        assertThat(verdict.reason()).isEqualTo("passed");
    }

    @Test
    void eachMissedThresholdIsNamedWithTheBooksFigure() {
        BookGate gate = BookGate.none().band(new BigDecimal("30")).maxSpreadBps(new BigDecimal("19.99")).minDepth(new BigDecimal("500"))
                .imbalanceWithin(new BigDecimal("-0.5"), new BigDecimal("0.5")).maxAge(Duration.ofSeconds(5));

        BookVerdict verdict = gate.check(book(), T0.plusMillis(5001));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).containsExactly(
                "book age 5001 ms > max 5000 ms",
                "spread 20 bps > max 19.99 bps",
                "ask depth within 30 bps 400.40 < min 500",
                "imbalance within 30 bps 0.5781710914454277 > max 0.5");
    }

    @Test
    void aLowImbalanceBoundRefusesABookLeaningToTheAsks() {
        BookGate gate = BookGate.none().band(new BigDecimal("30")).imbalanceWithin(new BigDecimal("0.6"), BigDecimal.ONE);

        assertThat(gate.check(book(), T0).failures()).containsExactly("imbalance within 30 bps 0.5781710914454277 < min 0.6");
    }

    @Test
    void aWiderBandCountsMoreDepth() {
        // band 60 bps: bids >= 99.40 (both: 1498.00), asks <= 100.60, so 100.50 x 20 = 2010.00 counts too: 400.40 + 2010.00 = 2410.40
        BookGate gate = BookGate.none().band(new BigDecimal("60")).minDepth(new BigDecimal("1498.00"));

        assertThat(gate.check(book(), T0).passed()).isTrue();
        assertThat(BookGate.none().band(new BigDecimal("60")).minDepth(new BigDecimal("2410.41")).check(book(), T0).failures())
                .containsExactly("bid depth within 60 bps 1498.00 < min 2410.41", "ask depth within 60 bps 2410.40 < min 2410.41");
    }

    @Test
    void noBookOrAOneSidedBookFailsAGateWithConditions() {
        BookGate gate = BookGate.none().maxSpreadBps(BigDecimal.TEN);
        OrderBook bidsOnly = new OrderBook("BTCUSDT", 7, T0, List.of(level("99.90", "1")), List.of());

        assertThat(gate.check(Optional.empty(), T0).failures()).containsExactly("no order book");
        assertThat(gate.check(bidsOnly, T0).failures()).containsExactly("book is one-sided (1 bids, 0 asks)");
        assertThat(BookGate.none().check(Optional.empty(), T0).passed()).as("a gate without conditions needs no book").isTrue();
    }

    @Test
    void thresholdsOutsideTheirRangeAreRefusedByName() {
        assertThatThrownBy(() -> BookGate.none().imbalanceWithin(new BigDecimal("0.5"), new BigDecimal("0.2")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minImbalance 0.5 is above maxImbalance 0.2");
        assertThatThrownBy(() -> BookGate.none().imbalanceWithin(new BigDecimal("-1.5"), BigDecimal.ONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minImbalance must be within [-1, 1], got -1.5");
        assertThatThrownBy(() -> BookGate.none().maxSpreadBps(new BigDecimal("-1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxSpreadBps must not be negative");
    }
}
