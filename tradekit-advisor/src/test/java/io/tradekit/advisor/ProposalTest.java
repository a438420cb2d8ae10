package io.tradekit.advisor;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProposalTest {

    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");

    @Test
    void aProposalAppliesItsChangesOverTheCurrentParametersAndExpiresAtItsTtl() {
        Params current = Params.of("grid", Map.of("levels", "6", "spacing", "0.8", "budget", "1000"));
        Proposal p = Proposal.create("b1", "grid-rules", List.of(ParameterChange.of(current, "levels", "5"),
                ParameterChange.of(current, "atr-blend", "0.6")), Map.of("winRate", "0.3"), "why", NOW, Duration.ofHours(4));

        assertThat(p.applyTo(current).values()).containsExactlyInAnyOrderEntriesOf(Map.of("levels", "5", "spacing", "0.8", "budget", "1000",
                "atr-blend", "0.6"));
        assertThat(p.changes().get("atr-blend").current()).isEqualTo(Optional.empty());
        assertThat(p.expiredAt(NOW.plus(Duration.ofHours(4)))).isTrue();
        assertThat(p.expiredAt(NOW.plus(Duration.ofMinutes(239)))).isFalse();
    }

    @Test
    void aProposalWithoutChangesOrWithAnExpiryNotAfterItsCreationIsRefused() {
        assertThatThrownBy(() -> Proposal.create("b1", "s", List.of(), Map.of(), "r", NOW, Duration.ofHours(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageEndingWith("of bot b1: no parameter changes");
        assertThatThrownBy(() -> Proposal.create("b1", "s", List.of(new ParameterChange("fast", Optional.empty(), "5")), Map.of(), "r", NOW,
                Duration.ZERO)).isInstanceOf(InvalidInputException.class).hasMessageContaining("is not after createdAt");
    }

    @Test
    void aRangeChecksClampsReadsAndWritesItsValues() {
        ParameterRange levels = ParameterRange.integers("levels", 2, 50);
        ParameterRange blend = ParameterRange.decimals("atr-blend", BigDecimal.ZERO, BigDecimal.ONE);

        assertThat(levels.contains(new BigDecimal("7.0"))).isTrue();
        assertThat(levels.contains(new BigDecimal("7.5"))).isFalse();
        assertThat(levels.clamp(new BigDecimal("51.4"))).isEqualByComparingTo("50");
        assertThat(levels.clamp(new BigDecimal("6.5"))).isEqualByComparingTo("7");
        assertThat(levels.value("8")).contains(new BigDecimal("8"));
        assertThat(levels.value("1")).isEmpty();
        assertThat(levels.value("eight")).isEmpty();
        assertThat(levels.value("1E+999999999")).isEmpty();
        assertThat(blend.value("0.35")).contains(new BigDecimal("0.35"));
        assertThat(blend.format(new BigDecimal("0.600"))).isEqualTo("0.6");
        assertThat(levels.format(new BigDecimal("12.000"))).isEqualTo("12");
        assertThatThrownBy(() -> ParameterRange.integers("fast", 20, 5)).hasMessageContaining("min 20 is above max 5");
    }
}
