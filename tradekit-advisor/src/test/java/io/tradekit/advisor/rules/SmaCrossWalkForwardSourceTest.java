package io.tradekit.advisor.rules;

import io.tradekit.advisor.AdviceContext;
import io.tradekit.advisor.AdvisorPlugins;
import io.tradekit.advisor.BotFigures;
import io.tradekit.advisor.ParameterRange;
import io.tradekit.advisor.Proposal;
import io.tradekit.advisor.ProposalSource;
import io.tradekit.api.Bar;
import io.tradekit.api.Params;
import io.tradekit.api.Timeframe;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.TradeKit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SmaCrossWalkForwardSourceTest {

    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");

    /** 5-minute closes on a sine of 60 bars and amplitude 10 around 100: slow swings a crossover can ride. */
    private static List<Bar> swings(int count) {
        List<Bar> bars = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        BigDecimal previous = close(0);
        for (int i = 0; i < count; i++) {
            BigDecimal close = close(i);
            bars.add(new Bar("SIN-USD", Timeframe.M5, start.plusSeconds(300L * i), previous, previous.max(close), previous.min(close), close,
                    BigDecimal.valueOf(1000)));
            previous = close;
        }
        return bars;
    }

    private static BigDecimal close(int i) {
        return BigDecimal.valueOf(100 + 10 * Math.sin(2 * Math.PI * i / 60.0)).setScale(2, RoundingMode.HALF_UP);
    }

    private static AdviceContext context(String strategy, Map<String, String> params, List<Bar> bars) {
        BotFigures figures = new BotFigures(NOW, new BigDecimal("9500"), new BigDecimal("-5"), new BigDecimal("6"), 0.2, 40, -1.5, 0.3);
        return new AdviceContext("sin-bot", strategy, Params.of(strategy, params), figures, bars, NOW);
    }

    @Test
    void aBotThatWhipsawsIsProposedPeriodsThatMadeMoneyOutOfSampleWithinTheirRanges() {
        List<Bar> bars = swings(720);
        ParameterRange fast = ParameterRange.integers("fast", 2, 20);
        ParameterRange slow = ParameterRange.integers("slow", 5, 40);
        SmaCrossWalkForwardSource source = new SmaCrossWalkForwardSource(Plugins.discover(), fast, slow, 30, 3, Duration.ofHours(24));

        List<Proposal> proposals = source.propose(context("sma-cross", Map.of("fast", "2", "slow", "3"), bars));

        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("sma-cross-walk-forward");
            assertThat(p.botId()).isEqualTo("sin-bot");
            Params proposed = p.applyTo(Params.of("sma-cross", Map.of("fast", "2", "slow", "3")));
            int f = proposed.integer("fast", 0);
            int s = proposed.integer("slow", 0);
            assertThat(fast.contains(BigDecimal.valueOf(f))).isTrue();
            assertThat(slow.contains(BigDecimal.valueOf(s))).isTrue();
            assertThat(f).isLessThan(s);
            assertThat(new BigDecimal(p.evidence().get("outOfSampleReturnPct"))).isPositive();
            // the evidence is the last fold's out-of-sample window; a backtest of the proposed periods on it agrees
            String[] window = p.evidence().get("outOfSampleBars").split("\\.\\.");
            int from = Integer.parseInt(window[0]);
            int to = Integer.parseInt(window[1]);
            BacktestResult check = TradeKit.backtest().bars(bars.subList(Math.max(0, from - (s - 1)), to))
                    .strategy("sma-cross", proposed.values()).run();
            assertThat(check.returnPct()).isEqualByComparingTo(p.evidence().get("outOfSampleReturnPct"));
        });
    }

    @Test
    void otherStrategiesAndTooFewBarsProposeNothing() {
        ProposalSource source = AdvisorPlugins.discover().source("sma-cross-walk-forward", Params.of("s", Map.of("trials", "5")));

        assertThat(source.supports("grid")).isFalse();
        assertThat(source.propose(context("grid", Map.of("levels", "5"), swings(720)))).isEmpty();
        // 3 folds need 4 blocks of at least 10 bars
        assertThat(source.propose(context("sma-cross", Map.of("fast", "2", "slow", "3"), swings(30)))).isEmpty();
    }
}
