package io.tradekit.core.engine;

import io.tradekit.api.BotState;
import io.tradekit.api.Timeframe;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.FlattenResult;
import io.tradekit.core.PerpetualFigures;
import io.tradekit.core.SafetyReport;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The results a host reads are built through builders, so a figure added later breaks no caller that made one. */
class ResultsCanGrowTest {

    @Test
    void theResultsAHostReadsHaveNoPublicConstructorAndABuilder() throws NoSuchMethodException {
        for (Class<?> result : List.of(BacktestResult.class, PerpetualFigures.class, FlattenResult.class, SafetyReport.class)) {
            assertThat(result.isRecord()).as("%s is a record, whose canonical constructor grows with it", result.getSimpleName()).isFalse();
            assertThat(Modifier.isFinal(result.getModifiers())).as(result.getSimpleName()).isTrue();
            assertThat(Arrays.stream(result.getConstructors()).toList()).as("public constructors of %s", result.getSimpleName()).isEmpty();
            assertThat(Modifier.isStatic(result.getMethod("builder").getModifiers())).isTrue();
        }
    }

    @Test
    void aResultBuiltWithSomeFiguresHasDefaultsForTheRestAndCopiesWithOneChanged() {
        BacktestResult built = BacktestResult.builder().strategy("sma-cross").symbol("BTCUSDT").timeframe(Timeframe.M1).bars(3)
                .initialCash(new BigDecimal("1000")).finalEquity(new BigDecimal("1010")).finalState(BotState.STOPPED).build();

        assertThat(built.fills()).isEmpty();
        assertThat(built.perpetual()).isEmpty();
        assertThat(built.endedOnStrategyFailure()).isFalse();
        BacktestResult faster = built.withBarsPerSecond(250.0);
        assertThat(faster.barsPerSecond()).isEqualTo(250.0);
        assertThat(faster).isNotEqualTo(built).isEqualTo(built.toBuilder().barsPerSecond(250.0).build());
        assertThat(faster.toString()).contains("strategy=sma-cross", "barsPerSecond=250.0");
    }
}
