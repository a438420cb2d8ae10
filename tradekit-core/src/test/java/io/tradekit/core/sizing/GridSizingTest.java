package io.tradekit.core.sizing;

import io.tradekit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.tradekit.core.safety.TestBars.BINANCE_BTCUSDT;
import static io.tradekit.core.safety.TestBars.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridSizingTest {

    private static final List<BigDecimal> LEVELS = List.of(d("50000"), d("49000"), d("48000"), d("47000"));
    private static final BigDecimal FEE = d("0.001");
    private static final BigDecimal WITH_FEE = d("1.001");

    @Test
    void equalQuoteGivesEachLevelTheSameSpendRoundedDownSoLowerLevelsBuyMore() {
        List<BigDecimal> qty = GridSizing.equalQuote(d("1000"), LEVELS, BINANCE_BTCUSDT, FEE);
        assertThat(qty).hasSize(4);
        BigDecimal perLevel = d("250");
        for (int i = 0; i < qty.size(); i++) {
            BigDecimal cost = LEVELS.get(i).multiply(WITH_FEE);
            assertThat(BINANCE_BTCUSDT.isOnStep(qty.get(i))).isTrue();
            assertThat(qty.get(i).multiply(cost)).isLessThanOrEqualTo(perLevel);
            assertThat(qty.get(i).add(BINANCE_BTCUSDT.stepSize()).multiply(cost)).isGreaterThan(perLevel);
        }
        assertThat(qty.get(0)).isEqualByComparingTo("0.00499"); // 250 / 50050 = 0.004995...
        assertThat(qty).isSortedAccordingTo(BigDecimal::compareTo);
    }

    @Test
    void equalBaseGivesEveryLevelTheLargestQuantityTheBudgetPaysForAtAllPrices() {
        List<BigDecimal> qty = GridSizing.equalBase(d("1000"), LEVELS, BINANCE_BTCUSDT, FEE);
        BigDecimal sumWithFee = d("194000").multiply(WITH_FEE);
        assertThat(qty).hasSize(4).allSatisfy(q -> assertThat(q).isEqualByComparingTo(qty.get(0)));
        assertThat(qty.get(0).multiply(sumWithFee)).isLessThanOrEqualTo(d("1000"));
        assertThat(qty.get(0).add(BINANCE_BTCUSDT.stepSize()).multiply(sumWithFee)).isGreaterThan(d("1000"));
        assertThat(qty.get(0)).isEqualByComparingTo("0.00514"); // 1000 / 194194 = 0.0051495...
    }

    @Test
    void aBudgetTooSmallForItsLevelsIsRefusedNamingTheLevelAndTheRule() {
        assertThatThrownBy(() -> GridSizing.equalQuote(d("20"), LEVELS, BINANCE_BTCUSDT, FEE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("level 1 of 4 at 50000 gets 0.00009 BTC from a budget of 20 USDT")
                .hasMessageContaining("below the minimum notional 5")
                .hasMessageContaining("raise the budget or use fewer levels");
    }

    @Test
    void badGridInputIsRefused() {
        assertThatThrownBy(() -> GridSizing.equalBase(BigDecimal.ZERO, LEVELS, BINANCE_BTCUSDT, FEE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("budget must be positive");
        assertThatThrownBy(() -> GridSizing.equalBase(d("100"), List.of(), BINANCE_BTCUSDT, FEE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one level price");
        assertThatThrownBy(() -> GridSizing.equalQuote(d("100"), List.of(d("100"), d("-1")), BINANCE_BTCUSDT, FEE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("level 2 price must be positive");
    }
}
