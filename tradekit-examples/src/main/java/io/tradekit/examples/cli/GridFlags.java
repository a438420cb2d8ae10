package io.tradekit.examples.cli;

import io.tradekit.grid.GridStrategyProvider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid strategy's parameters as flags of {@code backtest}: {@code --levels 7} is the grid parameter
 * {@code levels=7}, exactly as {@code --param levels=7} would give it. Every parameter of
 * {@link GridStrategyProvider} has its flag; what a flag leaves out, the grid settles itself (spacing,
 * levels and budget from its heuristic).
 */
final class GridFlags {

    static final String HEADING = "grid flags (with --strategy grid; each sets the grid parameter of the same name, like --param NAME=VALUE):";

    private record Flag(String name, String valueName, String description) {
    }

    private static final List<Flag> FLAGS = List.of(
            new Flag("levels", "N", "levels on each side of the centre (default: from the heuristic)"),
            new Flag("spacing", "X", "distance between levels, in --spacing-unit (default: from the heuristic)"),
            new Flag("spacing-mode", "arithmetic|geometric", "equal steps in price, or in percent (default arithmetic)"),
            new Flag("spacing-unit", "percent|absolute", "the unit of --spacing (default percent)"),
            new Flag("budget", "AMOUNT", "quote the whole grid may use (default: 95 % of the free cash)"),
            new Flag("size-per-level", "X", "size of every level in --size-mode, instead of --budget"),
            new Flag("size-mode", "quote|base", "sizes in the quote asset (equal value per level) or the base (default quote)"),
            new Flag("lower", "PRICE", "no level below this price"),
            new Flag("upper", "PRICE", "no level above this price"),
            new Flag("center", "PRICE", "the grid's centre (default: the price when the grid is built)"),
            new Flag("rebalance", "recenter|stop|hold", "when the price leaves the range (default recenter)"),
            new Flag("rebalance-after", "N", "levels past the range before rebalancing (default 2)"),
            new Flag("cooldown", "BARS", "bars between two grids (default 10)"),
            new Flag("adaptive", "true|false", "blend the spacing with the ATR's (default false)"),
            new Flag("atr-period", "N", "ATR bars, with --adaptive true (default 14)"),
            new Flag("atr-blend", "F", "share of the ATR spacing in the blend, with --adaptive true (default 0.5)"),
            new Flag("max-inventory", "QTY", "flatten when the grid holds more base than this"),
            new Flag("stop-price", "PRICE", "flatten when the price falls to this (below the grid)"),
            new Flag("take-profit-price", "PRICE", "flatten when the price rises to this (above the grid)"),
            new Flag("post-only", "true|false", "levels as post-only (maker) orders (default true)"),
            new Flag("maker-fee-bps", "BPS", "the maker fee the grid plans its spacing and profit with (default: --fee-bps)"),
            new Flag("taker-fee-bps", "BPS", "the taker fee the grid plans with (default: --fee-bps)"),
            new Flag("perp-mode", "neutral|long-only|short-only", "on a perpetual: longs below and shorts above the centre, or one side only (default neutral)"),
            new Flag("max-long-contracts", "QTY", "on a perpetual: most contracts the grid holds and has working long"),
            new Flag("max-short-contracts", "QTY", "on a perpetual: most contracts the grid holds and has working short"));

    private GridFlags() {
    }

    /** Adds the flags, under their heading, to {@code options}. */
    static Options addTo(Options options) {
        options.heading(HEADING);
        for (Flag f : FLAGS) options.value(f.name(), f.valueName(), f.description());
        return options;
    }

    /** The names of the flags, which are the grid's parameter names. */
    static List<String> names() {
        return FLAGS.stream().map(Flag::name).toList();
    }

    /** The grid flags on this command line, as parameters in the order of the help. */
    static Map<String, String> given(Options.Parsed flags) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Flag f : FLAGS) flags.value(f.name()).ifPresent(v -> params.put(f.name(), v.trim()));
        return params;
    }
}
