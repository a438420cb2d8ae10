package io.tradekit.examples.bench;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RandomWalkBarsTest {

    @Test
    void theSameSeedGivesTheSameBarsAndEachBarOpensAtThePreviousClose() {
        List<Bar> first = RandomWalkBars.generate("BTC-USD", Timeframe.M1, 20_000, 7);
        List<Bar> again = RandomWalkBars.generate("BTC-USD", Timeframe.M1, 20_000, 7);
        List<Bar> other = RandomWalkBars.generate("BTC-USD", Timeframe.M1, 20_000, 8);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        for (int i = 1; i < first.size(); i++) {
            assertThat(first.get(i).open()).isEqualTo(first.get(i - 1).close());
            assertThat(Duration.between(first.get(i - 1).openTime(), first.get(i).openTime())).isEqualTo(Duration.ofMinutes(1));
            assertThat(first.get(i).close().scale()).isEqualTo(2);
        }
        assertThat(first.stream().map(Bar::close).distinct().count()).as("the walk moves").isGreaterThan(1_000);
    }
}
