package io.tradekit.core.internal;

import io.tradekit.core.store.UnrecoverableStateException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaneStatesTest {

    @Test
    void theLastBarOfEachPairIsReadBackAsWritten() {
        assertThat(LaneStates.parseActedUpTo("BTCUSDT=2024-01-01T00:03:00Z,ETHUSDT=2024-01-01T00:02:00Z")).isEqualTo(Map.of(
                "BTCUSDT", Instant.parse("2024-01-01T00:03:00Z"), "ETHUSDT", Instant.parse("2024-01-01T00:02:00Z")));
        assertThat(LaneStates.parseActedUpTo("")).isEmpty();
    }

    @Test
    void anEntryThatIsNotSymbolEqualsInstantStopsTheStartAndIsNamed() {
        assertThatThrownBy(() -> LaneStates.parseActedUpTo("BTCUSDT=2024-01-01T00:03:00Z,ETHUSDT=yesterday"))
                .isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("bot.strategyStateBarByPair").hasMessageContaining("'ETHUSDT=yesterday'");
        assertThatThrownBy(() -> LaneStates.parseActedUpTo("2024-01-01T00:03:00Z"))
                .isInstanceOf(UnrecoverableStateException.class).hasMessageContaining("'2024-01-01T00:03:00Z'");
    }
}
