package io.tradekit.grid.internal;

import io.tradekit.api.Side;
import io.tradekit.grid.LevelSizing;
import io.tradekit.grid.SizeMode;
import io.tradekit.grid.SpacingMode;
import io.tradekit.grid.SpacingUnit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GridOrderTagTest {

    private static final Instant BUILT = Instant.parse("2024-01-01T00:01:00Z");

    private static GridShape config() {
        return GridShape.builder().center(new BigDecimal("50000.5")).spacing(new BigDecimal("0.25"), SpacingUnit.PERCENT)
                .spacingMode(SpacingMode.GEOMETRIC).levels(7).lower(new BigDecimal("45000")).sizing(LevelSizing.budget(new BigDecimal("9500"), SizeMode.QUOTE))
                .fees(new BigDecimal("2"), new BigDecimal("7.5")).build();
    }

    @Test
    void aSellsTagGivesBackItsGridPairEntryMoneyAndTheExactConfiguration() {
        String code = GridOrderTag.encode(config(), new BigDecimal("0.2"), SpacingUnit.PERCENT, BUILT);
        String tag = GridOrderTag.level(3, 5, Side.SELL, true, 6, new BigDecimal("301.50"), new BigDecimal("0.0603"), code);

        assertThat(tag).startsWith("grid:L6 3 5 SELL 301.50 0.0603 ").doesNotContain("\n");
        GridOrderTag read = GridOrderTag.parse(tag).orElseThrow();
        assertThat(read.build()).isEqualTo(3);
        assertThat(read.pair()).isEqualTo(5);
        assertThat(read.kind()).isEqualTo(GridOrderTag.Kind.SELL);
        assertThat(read.entryCost()).isEqualTo(new BigDecimal("301.50"));
        assertThat(read.entryFees()).isEqualTo(new BigDecimal("0.0603"));
        GridOrderTag.Encoded encoded = GridOrderTag.decode(read.config());
        assertThat(encoded.config()).isEqualTo(config());
        assertThat(encoded.baseSpacing()).isEqualTo(new BigDecimal("0.2"));
        assertThat(encoded.baseUnit()).isEqualTo(SpacingUnit.PERCENT);
        assertThat(encoded.builtAt()).isEqualTo(BUILT);
    }

    @Test
    void aBuyAndABootstrapAreReadBackAsSuch() {
        String code = GridOrderTag.encode(config(), new BigDecimal("0.25"), SpacingUnit.PERCENT, BUILT);
        assertThat(GridOrderTag.parse(GridOrderTag.level(1, 0, Side.BUY, false, 0, BigDecimal.ZERO, BigDecimal.ZERO, code)).orElseThrow())
                .satisfies(t -> {
                    assertThat(t.kind()).isEqualTo(GridOrderTag.Kind.BUY);
                    assertThat(t.entryCost()).isZero();
                });
        assertThat(GridOrderTag.parse(GridOrderTag.inventory(2, true, code)).orElseThrow().kind()).isEqualTo(GridOrderTag.Kind.BOOTSTRAP);
        assertThat(GridOrderTag.parse(GridOrderTag.inventory(2, false, code)).orElseThrow().kind()).isEqualTo(GridOrderTag.Kind.TRIM);
    }

    @Test
    void tagsOfOtherOrdersAreNotTheGrids() {
        assertThat(GridOrderTag.parse("signal")).isEmpty();
        assertThat(GridOrderTag.parse("flatten")).isEmpty();
        assertThat(GridOrderTag.parse("grid:L3")).as("an older grid's tag names no grid to adopt into").isEmpty();
        assertThat(GridOrderTag.parse("grid:L3 1 2 SELL x 0 1,2")).isEmpty();
        assertThat(GridOrderTag.parse(null)).isEmpty();
    }
}
