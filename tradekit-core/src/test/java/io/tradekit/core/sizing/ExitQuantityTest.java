package io.tradekit.core.sizing;

import org.junit.jupiter.api.Test;

import static io.tradekit.core.safety.TestBars.BINANCE_BTCUSDT;
import static io.tradekit.core.safety.TestBars.d;
import static org.assertj.core.api.Assertions.assertThat;

class ExitQuantityTest {

    @Test
    void anExitSellsWhatIsOnTheStepAndReportsTheRestAsDust() {
        ExitQuantity exit = ExitQuantity.of(d("0.0012345"), BINANCE_BTCUSDT, d("50000"));
        assertThat(exit.sellable()).isEqualByComparingTo("0.00123");
        assertThat(exit.dust()).isEqualByComparingTo("0.0000045");
        assertThat(exit.refusal()).isEmpty();
        assertThat(exit.canSell()).isTrue();
        assertThat(exit.hasDust()).isTrue();
    }

    @Test
    void aHoldingExactlyAtTheMinimumNotionalIsSoldWhole() {
        ExitQuantity exit = ExitQuantity.of(d("0.0001"), BINANCE_BTCUSDT, d("50000"));
        assertThat(exit.sellable()).isEqualByComparingTo("0.0001");
        assertThat(exit.hasDust()).isFalse();
    }

    @Test
    void aHoldingBelowTheMinimumNotionalIsAllDustWithTheRule() {
        ExitQuantity exit = ExitQuantity.of(d("0.000099"), BINANCE_BTCUSDT, d("50000"));
        assertThat(exit.canSell()).isFalse();
        assertThat(exit.dust()).isEqualByComparingTo("0.000099");
        assertThat(exit.refusal().orElseThrow()).isEqualTo(
                "0.000099 BTC cannot be sold (dust): BTCUSDT: notional 4.5 is below the minimum notional 5");
    }

    @Test
    void aShortIsMeasuredByItsSize() {
        ExitQuantity exit = ExitQuantity.of(d("-0.0012345"), BINANCE_BTCUSDT, d("50000"));
        assertThat(exit.sellable()).isEqualByComparingTo("0.00123");
    }

    @Test
    void aHoldingBelowOneStepIsDustWithTheStep() {
        ExitQuantity exit = ExitQuantity.of(d("0.000004"), BINANCE_BTCUSDT, d("50000"));
        assertThat(exit.canSell()).isFalse();
        assertThat(exit.refusal().orElseThrow()).isEqualTo("0.000004 BTC cannot be sold (dust): below the step size 0.00001");
    }
}
