package io.tradekit.advisor.optimize;

import io.tradekit.advisor.ParameterRange;
import io.tradekit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangeAxisTest {

    @Test
    void wholeNumbersOwnEqualPartsOfTheUnitInterval() {
        // 5..20 holds 16 numbers: the part of u is floor(16 u), capped at 15.
        ParameterRange fast = RangeAxis.parse("fast", "5..20");
        assertThat(fast.integer()).isTrue();
        assertThat(RangeAxis.count(fast)).isEqualTo(16);
        assertThat(RangeAxis.valueAt(fast, 0.0)).isEqualTo("5");
        assertThat(RangeAxis.valueAt(fast, 0.0624)).isEqualTo("5");   // 16 * 0.0624 = 0.998 -> part 0
        assertThat(RangeAxis.valueAt(fast, 0.0625)).isEqualTo("6");   // 16 * 0.0625 = 1 -> part 1
        assertThat(RangeAxis.valueAt(fast, 0.5)).isEqualTo("13");     // part 8 -> 5 + 8
        assertThat(RangeAxis.valueAt(fast, 1.0)).isEqualTo("20");     // part 16 is capped at 15 -> 20
        assertThat(RangeAxis.valueAt(fast, 1.7)).isEqualTo("20");     // outside the cube: clamped
        assertThat(RangeAxis.valueAt(fast, -0.2)).isEqualTo("5");
    }

    @Test
    void aRangeWithDecimalsIsContinuousAndRoundedTwoDecimalsFinerThanWritten() {
        // 0.2..1.5 at u = 0.333: 0.2 + 1.3 * 0.333 = 0.6329 -> scale 1 + 2 = 3 -> 0.633
        ParameterRange spacing = RangeAxis.parse("spacing", "0.2..1.5");
        assertThat(spacing.integer()).isFalse();
        assertThat(RangeAxis.valueAt(spacing, 0.333)).isEqualTo("0.633");
        assertThat(RangeAxis.valueAt(spacing, 1.0)).isEqualTo("1.500");
    }

    @Test
    void badRangesSayWhatIsWrong() {
        assertThatThrownBy(() -> RangeAxis.parse("fast", "20..5")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'fast'").hasMessageContaining("low end 20 is above its high end 5");
        assertThatThrownBy(() -> RangeAxis.parse("fast", "five..20")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'fast'").hasMessageContaining("low end 'five' is not a number");
        assertThatThrownBy(() -> RangeAxis.parse("slow", "20..")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("high end '' is not a number");
    }

    @Test
    void aSpaceListsEverySetOfWholeNumbersOnceWithTheFixedValues() {
        // 2 x 3 = 6 sets, the first range varying slowest.
        Map<String, String> params = new LinkedHashMap<>();
        params.put("a", "1..2");
        params.put("b", "7..9");
        params.put("c", "x");
        SearchSpace space = SearchSpace.parse(params);
        assertThat(space.size()).isEqualTo(6);
        assertThat(space.every()).extracting(s -> s.get("a") + s.get("b") + s.get("c"))
                .containsExactly("17x", "18x", "19x", "27x", "28x", "29x");
        assertThat(SearchSpace.parse(Map.of("s", "0.1..0.2")).size()).isEqualTo(Long.MAX_VALUE);
    }
}
