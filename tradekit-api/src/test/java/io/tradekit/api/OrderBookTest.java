package io.tradekit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBookTest {

    private static BookLevel level(String price, String qty) {
        return new BookLevel(new BigDecimal(price), new BigDecimal(qty));
    }

    // bids 99.9 x 2, 99.5 x 1, 98 x 10; asks 100.1 x 1, 100.6 x 3, 102 x 5
    private final OrderBook book = new OrderBook("BTCUSDT", 42, Instant.parse("2026-01-01T00:00:00Z"),
            List.of(level("99.9", "2"), level("99.5", "1"), level("98", "10")),
            List.of(level("100.1", "1"), level("100.6", "3"), level("102", "5")));

    @Test
    void midAndSpreadFromTheBestLevels() {
        // mid = (99.9 + 100.1) / 2 = 100; spread = 0.2; 0.2 / 100 * 10 000 = 20 bps
        assertThat(book.mid()).isEqualByComparingTo("100");
        assertThat(book.spread()).isEqualByComparingTo("0.2");
        assertThat(book.spreadBps()).isEqualByComparingTo("20");
    }

    @Test
    void depthCountsOnlyLevelsInsideTheBand() {
        // 60 bps of 100 = 0.6: bids >= 99.4 -> 99.9*2 + 99.5*1 = 299.3; asks <= 100.6 -> 100.1*1 + 100.6*3 = 401.9
        assertThat(book.depthWithinBps(Side.BUY, new BigDecimal("60"))).isEqualByComparingTo("299.3");
        assertThat(book.depthWithinBps(Side.SELL, new BigDecimal("60"))).isEqualByComparingTo("401.9");
        // (299.3 - 401.9) / (299.3 + 401.9) = -102.6 / 701.2 = -0.146320593...
        assertThat(book.imbalance(new BigDecimal("60")).doubleValue()).isCloseTo(-0.1463206, org.assertj.core.data.Offset.offset(1e-7));
        // 5 bps = 0.05: nothing inside on either side
        assertThat(book.imbalance(new BigDecimal("5"))).isEqualByComparingTo("0");
    }

    @Test
    void outOfOrderOrCrossedLevelsAreRefusedNamingThePlace() {
        assertThatThrownBy(() -> new OrderBook("ETHUSDT", 7, Instant.EPOCH,
                List.of(level("10", "1"), level("11", "1")), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ETHUSDT").hasMessageContaining("bids level 1 at 11");
        assertThatThrownBy(() -> new OrderBook("ETHUSDT", 7, Instant.EPOCH,
                List.of(level("10", "1")), List.of(level("10", "1"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("crossed");
        assertThatThrownBy(() -> level("10", "0")).isInstanceOf(InvalidInputException.class).hasMessageContaining("quantity");
    }

    @Test
    void oneSidedBookHasNoMid() {
        OrderBook bidsOnly = new OrderBook("X", 1, Instant.EPOCH, List.of(level("5", "1")), List.of());
        assertThat(bidsOnly.isTwoSided()).isFalse();
        assertThat(bidsOnly.bestAsk()).isNull();
        assertThatThrownBy(bidsOnly::mid).isInstanceOf(IllegalStateException.class).hasMessageContaining("isTwoSided");
    }
}
