package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.core.TradeKit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bars that move 0.5 a bar with a span of exactly 2 (high = close + 1, low = close - 1): ta4j's ATR(5)
 * is 2 and the SMA(5) moves 2.5 over 5 bars. With a fixed spacing of 1 blended half and half, the
 * spacing is 1.5 and the trend is 2.5 / 1.5 = 1.67, so 2 levels (the cap for 4 levels a side).
 */
class AdaptiveSpacingTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static List<Bar> trend(String first, String step, int count) {
        List<Bar> out = new ArrayList<>();
        BigDecimal close = d(first);
        BigDecimal prev = close;
        for (int i = 0; i < count; i++) {
            out.add(new Bar("BTCUSDT", Timeframe.M1, PricePath.T0.plusSeconds(60L * i), prev, close.add(BigDecimal.ONE),
                    close.subtract(BigDecimal.ONE), close, BigDecimal.ONE));
            prev = close;
            close = close.add(d(step));
        }
        return out;
    }

    private static GridStrategy adaptiveGrid() {
        return new GridStrategy(GridSettings.builder().spacing(d("1"), SpacingUnit.ABSOLUTE).levels(4).sizePerLevel(BigDecimal.ONE)
                .sizeMode(SizeMode.BASE).postOnly(false).adaptive(new AdaptiveSpacing(5, d("0.5"))).build());
    }

    private static List<String> levels(GridStrategy grid) {
        return grid.ladder().orElseThrow().levels().stream().map(l -> l.price().stripTrailingZeros().toPlainString()).toList();
    }

    @Test
    void anUptrendBlendsTheAtrIntoTheSpacingAndLiftsTheCenterSoTheGridHoldsMore() {
        GridStrategy grid = adaptiveGrid();
        assertThat(grid.warmupBars()).isEqualTo(11);
        TradeKit.backtest().bars(trend("100", "0.5", 11)).instrument(PricePath.BTC).strategy(grid).cash(d("5000")).run();

        GridSettings config = grid.config().orElseThrow();
        assertThat(config.spacing().orElseThrow()).isEqualByComparingTo("1.5");
        assertThat(config.center().orElseThrow()).isEqualByComparingTo("108");   // 105 + 2 * 1.5
        assertThat(levels(grid)).containsExactly("102", "103.5", "105", "106.5", "108", "109.5", "111", "112.5", "114");
        assertThat(grid.workingOrders()).filteredOn(o -> o.side() == Side.BUY).hasSize(2);
        assertThat(grid.workingOrders()).filteredOn(o -> o.side() == Side.SELL).hasSize(6);
        assertThat(grid.stats().inventory()).isEqualByComparingTo("6");
    }

    @Test
    void aDowntrendLowersTheCenterSoTheGridHoldsLess() {
        GridStrategy grid = adaptiveGrid();
        TradeKit.backtest().bars(trend("110", "-0.5", 11)).instrument(PricePath.BTC).strategy(grid).cash(d("5000")).run();

        assertThat(grid.config().orElseThrow().center().orElseThrow()).isEqualByComparingTo("102");   // 105 - 2 * 1.5
        assertThat(grid.workingOrders()).filteredOn(o -> o.side() == Side.BUY).hasSize(6);
        assertThat(grid.workingOrders()).filteredOn(o -> o.side() == Side.SELL).hasSize(2);
    }

    @Test
    void withoutATrendTheCenterIsThePrice() {
        List<Bar> flat = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            flat.add(new Bar("BTCUSDT", Timeframe.M1, PricePath.T0.plusSeconds(60L * i), d("100"), d("101"), d("99"), d("100"), BigDecimal.ONE));
        }
        GridStrategy grid = adaptiveGrid();
        TradeKit.backtest().bars(flat).instrument(PricePath.BTC).strategy(grid).cash(d("5000")).run();
        assertThat(grid.config().orElseThrow().center().orElseThrow()).isEqualByComparingTo("100");
        assertThat(grid.config().orElseThrow().spacing().orElseThrow()).isEqualByComparingTo("1.5");
    }
}
