package io.tradekit.advisor.optimize;

import io.tradekit.advisor.AdviceContext;
import io.tradekit.advisor.AdvisorPlugins;
import io.tradekit.advisor.BotFigures;
import io.tradekit.advisor.ParameterChange;
import io.tradekit.advisor.Proposal;
import io.tradekit.api.Params;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OptimizerProposalSourceTest {

    static final Instant NOW = Instant.parse("2024-02-01T12:00:00Z");
    static final BotFigures FIGURES = new BotFigures(NOW, new BigDecimal("10000"), BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, Double.NaN);

    private static OptimizerProposalSource source() {
        OptimizationSettings template = OptimizerTest.settings(OptimizerTest.band("90..94", "106..110")).withTrials(25).withFolds(2);
        return new OptimizerProposalSource(OptimizerTest.PLUGINS, template, Duration.ofHours(6));
    }

    @Test
    void proposesTheBestSetWithItsOutOfSampleFiguresAsEvidence() {
        Params running = Params.of(BandStrategy.NAME, Map.of("buyBelow", "94", "sellAbove", "110"));
        AdviceContext context = new AdviceContext("tri-bot", BandStrategy.NAME, running, FIGURES, TriangleBars.of(240), NOW);

        List<Proposal> proposals = source().propose(context);

        assertThat(proposals).hasSize(1);
        Proposal p = proposals.getFirst();
        assertThat(p.botId()).isEqualTo("tri-bot");
        assertThat(p.source()).isEqualTo("optimizer");
        // sellAbove is 110 already: only buyBelow changes, 94 -> 90.
        assertThat(p.changes()).containsOnlyKeys("buyBelow");
        assertThat(p.changes().get("buyBelow")).isEqualTo(new ParameterChange("buyBelow", Optional.of("94"), "90"));
        // Fold 2's out-of-sample window [160, 240) starts at a top: bought at 90 twice, sold at 110 once, marked at 109:
        // (110 / 90) * (109 / 90) - 1 = 48.0247 % (see OptimizerTest).
        assertThat(new BigDecimal(p.evidence().get("outOfSampleReturnPct")).doubleValue())
                .isCloseTo(48.0247, org.assertj.core.api.Assertions.within(0.001));
        assertThat(p.evidence()).containsEntry("objective", "return").containsEntry("outOfSampleBars", "160..240")
                .containsEntry("divergingFolds", "0");
        assertThat(p.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(p.applyTo(running).values()).isEqualTo(Map.of("buyBelow", "90", "sellAbove", "110"));
    }

    @Test
    void proposesNothingToABotThatRunsTheBestSetAlready() {
        Params running = Params.of(BandStrategy.NAME, Map.of("buyBelow", "90", "sellAbove", "110"));
        AdviceContext context = new AdviceContext("tri-bot", BandStrategy.NAME, running, FIGURES, TriangleBars.of(240), NOW);

        assertThat(source().propose(context)).isEmpty();
    }

    @Test
    void isFoundThroughServiceLoaderAsOptimizer() {
        var source = AdvisorPlugins.discover(getClass().getClassLoader()).source("optimizer",
                Params.of("optimizer", Map.of("ranges", "fast=5..20;slow=20..60", "trials", "10", "folds", "2")));
        assertThat(source.name()).isEqualTo("optimizer");
        assertThat(source.supports("band")).as("band is registered by hand in the tests only").isFalse();
    }
}
