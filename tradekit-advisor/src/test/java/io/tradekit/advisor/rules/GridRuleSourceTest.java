package io.tradekit.advisor.rules;

import io.tradekit.advisor.AdviceContext;
import io.tradekit.advisor.BotFigures;
import io.tradekit.advisor.ParameterChange;
import io.tradekit.advisor.Proposal;
import io.tradekit.advisor.ProposalSourceProvider;
import io.tradekit.api.Params;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridRuleSourceTest {

    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
    private final GridRuleSource source = new GridRuleSource(GridRuleSettings.standard());

    private static AdviceContext context(Map<String, String> params, double winRate, String drawdownPct, long roundTrips) {
        BotFigures figures = new BotFigures(NOW, new BigDecimal("9870.5"), new BigDecimal("-1.295"), new BigDecimal(drawdownPct), winRate,
                roundTrips, -0.4, 0.8);
        return new AdviceContext("btc-grid", "grid", Params.of("grid", params), figures, List.of(), NOW);
    }

    @Test
    void drawdownAboveTheLimitWidensTheSpacingTakesALevelAndFollowsVolatilityMore() {
        AdviceContext ctx = context(Map.of("levels", "6", "spacing", "0.8", "adaptive", "true", "atr-blend", "0.5", "budget", "1000"),
                0.6, "14.2", 25);

        List<Proposal> proposals = source.propose(ctx);

        assertEquals(1, proposals.size());
        Proposal p = proposals.getFirst();
        // spacing 0.8 * 1.25 = 1.0 (written "1"); levels 6 - 1 = 5; blend 0.5 + 0.1 = 0.6
        assertEquals(new ParameterChange("spacing", Optional.of("0.8"), "1"), p.changes().get("spacing"));
        assertEquals(new ParameterChange("levels", Optional.of("6"), "5"), p.changes().get("levels"));
        assertEquals(new ParameterChange("atr-blend", Optional.of("0.5"), "0.6"), p.changes().get("atr-blend"));
        assertEquals("btc-grid", p.botId());
        assertEquals("grid-rules", p.source());
        assertEquals("14.2", p.evidence().get("maxDrawdownPct"));
        assertEquals("0.6", p.evidence().get("winRate"));
        assertEquals("maxDrawdownPct > 10", p.evidence().get("rule"));
        assertEquals(NOW, p.createdAt());
        assertEquals(NOW.plus(Duration.ofHours(4)), p.expiresAt());
        assertEquals("1", p.applyTo(ctx.params()).values().get("spacing"));
    }

    @Test
    void lowWinRateWidensOnlyTheSpacing() {
        List<Proposal> proposals = source.propose(context(Map.of("levels", "6", "spacing", "0.5", "budget", "1000"), 0.3, "4", 12));

        // 0.5 * 1.25 = 0.625; levels unchanged; not adaptive, so no blend
        assertEquals(1, proposals.size());
        assertEquals(Map.of("spacing", new ParameterChange("spacing", Optional.of("0.5"), "0.625")), proposals.getFirst().changes());
        assertEquals("winRate < 0.5", proposals.getFirst().evidence().get("rule"));
    }

    @Test
    void highWinRateWithLowDrawdownTightensWithinTheDeclaredRanges() {
        List<Proposal> proposals = source.propose(context(Map.of("levels", "50", "spacing", "0.11", "budget", "1000"), 0.9, "2", 40));

        // 0.11 / 1.25 = 0.088, clamped up to the range's 0.1; levels 50 + 1 = 51 clamps to 50, unchanged, so dropped
        assertEquals(1, proposals.size());
        assertEquals(Map.of("spacing", new ParameterChange("spacing", Optional.of("0.11"), "0.1")), proposals.getFirst().changes());
    }

    @Test
    void tooFewRoundTripsOrFiguresWithinBoundsProposeNothing() {
        assertTrue(source.propose(context(Map.of("levels", "6", "spacing", "0.8", "budget", "1000"), 0.1, "30", 9)).isEmpty());
        assertTrue(source.propose(context(Map.of("levels", "6", "spacing", "0.8", "budget", "1000"), 0.65, "6", 30)).isEmpty());
    }

    @Test
    void aGridSpacedInAbsolutePricesKeepsItsSpacing() {
        List<Proposal> proposals = source.propose(context(Map.of("levels", "6", "spacing", "25", "spacing-unit", "absolute",
                "budget", "1000"), 0.6, "14.2", 25));

        assertEquals(1, proposals.size());
        assertEquals(java.util.Set.of("levels"), proposals.getFirst().changes().keySet());
    }

    @Test
    void otherStrategiesAreNotJudged() {
        AdviceContext sma = new AdviceContext("b", "sma-cross", Params.of("sma-cross", Map.of("fast", "5")),
                context(Map.of(), 0.1, "50", 100).figures(), List.of(), NOW);
        assertTrue(source.propose(sma).isEmpty());
    }

    @Test
    void theProviderIsFoundThroughServiceLoaderAndReadsItsSettings() {
        ProposalSourceProvider provider = ServiceLoader.load(ProposalSourceProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("grid-rules")).findFirst().orElseThrow();
        GridRuleSource configured = (GridRuleSource) provider.create(Params.of("grid-rules", Map.of("max-drawdown-pct", "20",
                "min-round-trips", "5")));

        // 14.2 % is under the configured 20 %, and the win rate 0.6 is between the marks: nothing to propose
        assertTrue(configured.propose(context(Map.of("levels", "6", "spacing", "0.8", "budget", "1000"), 0.6, "14.2", 6)).isEmpty());
        assertEquals(1, configured.propose(context(Map.of("levels", "6", "spacing", "0.8", "budget", "1000"), 0.6, "21", 6)).size());
    }
}
