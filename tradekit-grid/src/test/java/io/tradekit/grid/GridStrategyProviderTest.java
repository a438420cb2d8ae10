package io.tradekit.grid;

import io.tradekit.api.Fill;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.spi.StrategyProvider;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.TradeKit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridStrategyProviderTest {

    private static GridSettings settings(Map<String, String> values) {
        return GridStrategyProvider.settings(Params.of("grid", values));
    }

    @Test
    void theGridIsFoundByNameThroughTheServiceLoaderWithItsParameters() {
        StrategyProvider provider = Plugins.discover().strategy("grid");
        assertThat(provider).isInstanceOf(GridStrategyProvider.class);
        assertThat(provider.parameters()).containsExactlyInAnyOrder("levels", "spacing", "spacing-mode", "spacing-unit", "budget",
                "size-per-level", "size-mode", "lower", "upper", "center", "rebalance", "rebalance-after", "cooldown", "adaptive",
                "atr-period", "atr-blend", "max-inventory", "stop-price", "take-profit-price", "post-only",
                "maker-fee-bps", "taker-fee-bps", "perp-mode", "max-long-contracts", "max-short-contracts");
        assertThat(provider.create(Params.empty("grid")).warmupBars()).as("the heuristic needs its window").isEqualTo(100);
    }

    @Test
    void theGridPlansWithTheFeesItIsGiven() {
        GridSettings settings = GridStrategyProvider.settings(Params.of("grid", java.util.Map.of("maker-fee-bps", "25", "taker-fee-bps", "40")));
        assertThat(settings.makerFeeBps()).isEqualByComparingTo("25");
        assertThat(settings.takerFeeBps()).isEqualByComparingTo("40");
        assertThat(GridStrategyProvider.settings(Params.empty("grid")).makerFeeBps()).isEqualByComparingTo(GridSettings.DEFAULT_FEE_BPS);
    }

    @Test
    void everyParameterReachesTheSettings() {
        GridSettings s = settings(Map.ofEntries(Map.entry("levels", "7"), Map.entry("spacing", "0.8"), Map.entry("spacing-mode", "geometric"),
                Map.entry("spacing-unit", "percent"), Map.entry("size-per-level", "0.01"), Map.entry("size-mode", "base"),
                Map.entry("lower", "90"), Map.entry("upper", "110"), Map.entry("center", "100"), Map.entry("rebalance", "stop"),
                Map.entry("rebalance-after", "3"), Map.entry("cooldown", "20"), Map.entry("adaptive", "true"), Map.entry("atr-period", "21"),
                Map.entry("atr-blend", "0.25"), Map.entry("max-inventory", "0.5"), Map.entry("stop-price", "85"),
                Map.entry("take-profit-price", "120"), Map.entry("post-only", "false")));
        assertThat(s.levelsDown().getAsInt()).isEqualTo(7);
        assertThat(s.levelsUp().getAsInt()).isEqualTo(7);
        assertThat(s.spacing()).contains(new BigDecimal("0.8"));
        assertThat(s.spacingMode()).isEqualTo(SpacingMode.GEOMETRIC);
        assertThat(s.spacingUnit()).isEqualTo(SpacingUnit.PERCENT);
        assertThat(s.sizePerLevel()).contains(new BigDecimal("0.01"));
        assertThat(s.sizeMode()).isEqualTo(SizeMode.BASE);
        assertThat(s.lower()).contains(new BigDecimal("90"));
        assertThat(s.upper()).contains(new BigDecimal("110"));
        assertThat(s.center()).contains(new BigDecimal("100"));
        assertThat(s.rebalancing()).isEqualTo(new Rebalancing(RebalanceMode.STOP, 3, 20));
        assertThat(s.adaptive()).contains(new AdaptiveSpacing(21, new BigDecimal("0.25")));
        assertThat(s.limits().maxInventory()).contains(new BigDecimal("0.5"));
        assertThat(s.limits().stopPrice()).contains(new BigDecimal("85"));
        assertThat(s.limits().takeProfitPrice()).contains(new BigDecimal("120"));
        assertThat(s.postOnly()).isFalse();
        assertThat(s.needsHeuristic()).isFalse();
        assertThat(s.warmupBars()).isEqualTo(43);   // 2 * 21 + 1 for the ATR and the trend
    }

    @Test
    void perpetualParametersReachTheSettingsAndContradictionsAreRefused() {
        GridSettings s = settings(Map.of("perp-mode", "short-only", "max-short-contracts", "0.3"));
        assertThat(s.perp()).contains(new PerpGrid(PerpGridMode.SHORT_ONLY, java.util.Optional.empty(), java.util.Optional.of(new BigDecimal("0.3"))));
        assertThat(settings(Map.of("max-long-contracts", "2")).perp()).as("the mode defaults to neutral")
                .contains(new PerpGrid(PerpGridMode.NEUTRAL, java.util.Optional.of(new BigDecimal("2")), java.util.Optional.empty()));
        assertThat(settings(Map.of()).perp()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings(Map.of("perp-mode", "long-only", "max-short-contracts", "1")))
                .hasMessage("grid: 'max-short-contracts' does not apply to 'perp-mode' long-only, which opens no short");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings(Map.of("perp-mode", "both")))
                .hasMessageContaining("perp-mode").hasMessageContaining("neutral, long_only, short_only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings(Map.of("max-long-contracts", "-1")))
                .hasMessage("grid: 'max-long-contracts' must be positive, got -1");
    }

    @Test
    void withNothingGivenTheDefaultsAreSensible() {
        GridSettings s = settings(Map.of());
        assertThat(s.spacingUnit()).isEqualTo(SpacingUnit.PERCENT);
        assertThat(s.spacingMode()).isEqualTo(SpacingMode.ARITHMETIC);
        assertThat(s.sizeMode()).isEqualTo(SizeMode.QUOTE);
        assertThat(s.rebalancing()).isEqualTo(new Rebalancing(RebalanceMode.RECENTER, 2, 10));
        assertThat(s.adaptive()).isEmpty();
        assertThat(s.postOnly()).isTrue();
        assertThat(s.needsHeuristic()).isTrue();
    }

    @Test
    void aWrongParameterIsRefusedNamingIt() {
        assertThatThrownBy(() -> settings(Map.of("level", "5"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown parameter 'level'");
        assertThatThrownBy(() -> settings(Map.of("spacing-mode", "log"))).hasMessageContaining("'spacing-mode' is 'log'");
        assertThatThrownBy(() -> settings(Map.of("rebalance", "sideways"))).hasMessageContaining("'rebalance' is 'sideways'");
        assertThatThrownBy(() -> settings(Map.of("levels", "ten"))).hasMessageContaining("'levels' is 'ten'");
        assertThatThrownBy(() -> settings(Map.of("levels", "0"))).hasMessageContaining("'levels' is 0");
        assertThatThrownBy(() -> settings(Map.of("post-only", "maybe"))).hasMessageContaining("'post-only' is 'maybe'");
        assertThatThrownBy(() -> settings(Map.of("spacing", "-1"))).hasMessageContaining("'spacing' must be positive");
        assertThatThrownBy(() -> settings(Map.of("adaptive", "true", "atr-blend", "1.5"))).hasMessageContaining("'atr-blend' is 1.5");
        assertThatThrownBy(() -> settings(Map.of("adaptive", "true", "atr-period", "1"))).hasMessageContaining("'atr-period' is 1");
        assertThatThrownBy(() -> settings(Map.of("atr-period", "14"))).hasMessageContaining("only with 'adaptive' true");
        assertThatThrownBy(() -> settings(Map.of("budget", "100", "size-per-level", "1"))).hasMessageContaining("'budget' or 'size-per-level'");
        assertThatThrownBy(() -> settings(Map.of("rebalance-after", "0"))).hasMessageContaining("'rebalance-after' is 0");
        assertThatThrownBy(() -> settings(Map.of("cooldown", "-1"))).hasMessageContaining("'cooldown' is -1");
        assertThatThrownBy(() -> settings(Map.of("lower", "110", "upper", "100"))).hasMessageContaining("'lower' 110 must be below 'upper' 100");
        assertThatThrownBy(() -> settings(Map.of("lower", "90", "stop-price", "95"))).hasMessageContaining("'stop-price' 95 must be below 'lower' 90");
        assertThatThrownBy(() -> settings(Map.of("upper", "110", "take-profit-price", "105")))
                .hasMessageContaining("'take-profit-price' 105 must be above 'upper' 110");
        assertThatThrownBy(() -> settings(Map.of("max-inventory", "0"))).hasMessageContaining("'max-inventory' must be positive");
    }

    @Test
    void aBacktestOfTheGridByNameTradesLikeTheSameGridBuiltInJava() {
        var bars = PricePath.start()
                .bar("100   100   100   100")
                .bar("100   100.5  98.8  99.2")
                .bar("99.2  100.3  99.1 100.1")
                .bar("100.1 101.5 100   101.2")
                .bars();
        BacktestResult byName = TradeKit.backtest().bars(bars).instrument(PricePath.BTC).cash(new BigDecimal("1000"))
                .strategy("grid", Map.of("center", "100", "spacing", "1", "spacing-unit", "absolute", "levels", "2", "size-per-level", "1",
                        "size-mode", "base", "post-only", "false", "rebalance", "hold"))
                .run();
        BacktestResult inJava = TradeKit.backtest().bars(bars).instrument(PricePath.BTC).cash(new BigDecimal("1000"))
                .strategy(new GridStrategy(GridSettings.builder().center(new BigDecimal("100")).spacing(BigDecimal.ONE, SpacingUnit.ABSOLUTE)
                        .levels(2).sizePerLevel(BigDecimal.ONE).sizeMode(SizeMode.BASE).postOnly(false)
                        .rebalancing(new Rebalancing(RebalanceMode.HOLD, 2, 10)).build()))
                .run();
        assertThat(byName.fills()).hasSize(4);
        assertThat(byName.fills()).extracting(Fill::price).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(inJava.fills().stream().map(Fill::price).toList());
        assertThat(byName.finalEquity()).isEqualByComparingTo(inJava.finalEquity());
    }
}
