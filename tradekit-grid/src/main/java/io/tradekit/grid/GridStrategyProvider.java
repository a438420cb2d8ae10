package io.tradekit.grid;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyProvider;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The strategy {@code grid}. Every parameter is optional:
 * {@code levels} (per side), {@code spacing}, {@code spacing-mode} (arithmetic|geometric, default
 * arithmetic), {@code spacing-unit} (absolute|percent, default percent), {@code budget},
 * {@code size-per-level}, {@code size-mode} (base|quote, default quote), {@code lower}, {@code upper},
 * {@code center}, {@code rebalance} (recenter|stop|hold, default recenter), {@code rebalance-after}
 * (levels, default 2), {@code cooldown} (bars, default 10), {@code adaptive} (default false),
 * {@code atr-period} (default 14), {@code atr-blend} (default 0.5), {@code max-inventory},
 * {@code stop-price}, {@code take-profit-price}, {@code post-only} (default true), {@code maker-fee-bps} and
 * {@code taker-fee-bps} (the fees, in basis points, the grid plans its spacing and profit with: set them to the
 * venue's; default 10 each); on a perpetual
 * {@code perp-mode} (neutral|long-only|short-only, default neutral), {@code max-long-contracts} and
 * {@code max-short-contracts} (see {@link PerpGrid}). Without
 * {@code spacing}, {@code levels} or {@code budget} the grid takes them from {@link GridHeuristic} on the
 * warmup bars and the bot's cash.
 */
public final class GridStrategyProvider implements StrategyProvider {

    /** The strategy's name, as a bot's builder and configuration files call it: {@code grid}. */
    public static final String NAME = "grid";
    /** Every parameter the strategy reads; any other is refused. */
    public static final Set<String> PARAMETERS = Set.of("levels", "spacing", "spacing-mode", "spacing-unit", "budget", "size-per-level",
            "size-mode", "lower", "upper", "center", "rebalance", "rebalance-after", "cooldown", "adaptive", "atr-period", "atr-blend",
            "max-inventory", "stop-price", "take-profit-price", "post-only",
            "maker-fee-bps", "taker-fee-bps", "perp-mode", "max-long-contracts", "max-short-contracts");

    /** Made by {@link java.util.ServiceLoader}; the strategy is then found by {@link #NAME}. */
    public GridStrategyProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> parameters() {
        return PARAMETERS;
    }

    @Override
    public Strategy create(Params params) {
        return new GridStrategy(settings(params));
    }

    /**
     * The settings the parameters describe; an error names the parameter.
     *
     * @param params the strategy's parameters, as text values by name
     * @return the settings a {@link GridStrategy} is created with
     * @throws io.tradekit.api.InvalidInputException if a parameter is unknown, cannot be read as its type, or is out
     *         of its range, or if {@code atr-period}/{@code atr-blend} are given without {@code adaptive} true
     */
    public static GridSettings settings(Params params) {
        Params p = params.requireOnly(PARAMETERS);
        GridSettings.Builder b = GridSettings.builder()
                .spacingUnit(p.choice("spacing-unit", SpacingUnit.class, SpacingUnit.PERCENT))
                .spacingMode(p.choice("spacing-mode", SpacingMode.class, SpacingMode.ARITHMETIC))
                .sizeMode(p.choice("size-mode", SizeMode.class, SizeMode.QUOTE))
                .postOnly(p.bool("post-only", true))
                // The fees the grid plans its spacing and profit with: they should be the venue's.
                .fees(p.decimal("maker-fee-bps", GridSettings.DEFAULT_FEE_BPS), p.decimal("taker-fee-bps", GridSettings.DEFAULT_FEE_BPS));
        p.decimal("spacing").ifPresent(v -> b.spacing(v, p.choice("spacing-unit", SpacingUnit.class, SpacingUnit.PERCENT)));
        if (p.text("levels").isPresent()) b.levels(p.integer("levels", 0));
        p.decimal("budget").ifPresent(b::budget);
        p.decimal("size-per-level").ifPresent(b::sizePerLevel);
        p.decimal("lower").ifPresent(b::lower);
        p.decimal("upper").ifPresent(b::upper);
        p.decimal("center").ifPresent(b::center);
        Rebalancing standard = Rebalancing.standard();
        b.rebalancing(new Rebalancing(p.choice("rebalance", RebalanceMode.class, standard.mode()),
                p.integer("rebalance-after", standard.afterLevels()), p.integer("cooldown", standard.cooldownBars())));
        boolean adaptive = p.bool("adaptive", false);
        if (!adaptive && (p.text("atr-period").isPresent() || p.text("atr-blend").isPresent())) {
            throw new InvalidInputException(p.owner() + ": 'atr-period' and 'atr-blend' apply only with 'adaptive' true");
        }
        if (adaptive) {
            AdaptiveSpacing standardAdaptive = AdaptiveSpacing.standard();
            b.adaptive(new AdaptiveSpacing(p.integer("atr-period", standardAdaptive.atrPeriod()),
                    p.decimal("atr-blend", standardAdaptive.blend())));
        }
        GridRiskLimits limits = GridRiskLimits.none();
        BigDecimal max = p.decimal("max-inventory").orElse(null);
        if (max != null) limits = limits.withMaxInventory(max);
        BigDecimal stop = p.decimal("stop-price").orElse(null);
        if (stop != null) limits = limits.withStopPrice(stop);
        BigDecimal takeProfit = p.decimal("take-profit-price").orElse(null);
        if (takeProfit != null) limits = limits.withTakeProfitPrice(takeProfit);
        if (p.text("perp-mode").isPresent() || p.text("max-long-contracts").isPresent() || p.text("max-short-contracts").isPresent()) {
            b.perp(new PerpGrid(p.choice("perp-mode", PerpGridMode.class, PerpGridMode.NEUTRAL), p.decimal("max-long-contracts"),
                    p.decimal("max-short-contracts")));
        }
        return b.limits(limits).build();
    }
}
