package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.Position;
import io.tradekit.api.Ticker;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.marketdata.Ta4jSeries;
import io.tradekit.grid.internal.GridBook;
import io.tradekit.grid.internal.GridDesign;
import io.tradekit.grid.internal.GridLedger;
import io.tradekit.grid.internal.GridSnapshot;
import io.tradekit.grid.internal.GridStateCodec;
import io.tradekit.grid.internal.MarketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The grid bot: on the first bar after warmup it builds a grid around the price (buys below, sells
 * above, none on the level the price sits on), buys the inventory its sells need in one market order
 * first, and then answers every fill with the counter-order one level away. Refused orders are retried
 * with backoff until placed; leaving the range rebuilds, stops or holds the grid; the risk limits end
 * it in a flatten. Runs the same in a backtest, a replay and live; its state survives restarts through
 * {@link #saveState()}.
 *
 * <pre>{@code BacktestResult r = TradeKit.backtest().bars(bars)
 *     .strategy(new GridStrategy(GridSettings.builder().spacing(new BigDecimal("0.5"), SpacingUnit.PERCENT).levels(10).build()))
 *     .run();}</pre>
 *
 * <p>{@link #stats()} and {@link #roundTrips()} may be read from any thread; the other views read
 * state owned by the bot's loop thread and are meant for the loop, or for after the bot stopped.
 */
public final class GridStrategy implements Strategy {

    private static final Logger log = LoggerFactory.getLogger(GridStrategy.class);

    private final GridSettings settings;
    private final GridLedger ledger = new GridLedger();
    private final GridBook book;
    private volatile GridPhase phase = GridPhase.PENDING;
    private long bar;
    private long lastBuildBar;
    private GridConfig config;
    private BigDecimal baseSpacing;
    private SpacingUnit baseUnit;
    private BigDecimal upperTrigger;
    private BigDecimal lowerTrigger;
    private GridSnapshot restored;

    public GridStrategy(GridSettings settings) {
        this.settings = settings;
        this.book = new GridBook(settings.postOnly(), ledger);
    }

    /** A grid of exactly {@code config}, with the standard rebalancing and post-only orders. */
    public GridStrategy(GridConfig config) {
        this(GridSettings.of(config).build());
    }

    @Override
    public int warmupBars() {
        return settings.warmupBars();
    }

    @Override
    public void onStart(StrategyContext ctx) {
        if (restored == null) return;
        GridSnapshot s = restored;
        restored = null;
        config = s.config() == null ? null : s.config().toConfig();
        baseSpacing = s.baseSpacing();
        baseUnit = s.baseSpacingUnit() == null ? null : SpacingUnit.valueOf(s.baseSpacingUnit());
        GridLadder ladder = config == null ? null : GridLadder.build(config, ctx.instrument());
        book.restore(ladder, s);
        if (ladder != null) setTriggers(ladder);
        Set<String> open = new HashSet<>();
        for (Order o : ctx.openOrders()) open.add(o.clientOrderId());
        book.forgetOrdersNotIn(open);
        log.info("grid restored in phase {} with {} working orders", phase, book.workingOrders().size());
    }

    @Override
    public void onBar(Bar barData, StrategyContext ctx) {
        bar++;
        step(barData.close(), ctx);
        publishIfChanged();
    }

    @Override
    public void onTicker(Ticker ticker, StrategyContext ctx) {
        if (phase == GridPhase.RUNNING || phase == GridPhase.OUT_OF_RANGE) {
            if (breachedLimit(ticker.last(), ctx)) publishIfChanged();
        }
    }

    @Override
    public void onFill(Fill fill, StrategyContext ctx) {
        boolean placing = phase == GridPhase.RUNNING || phase == GridPhase.OUT_OF_RANGE;
        if (!book.onFill(fill, ctx, bar, placing)) return;
        if (phase == GridPhase.FLATTENING) {
            if (ctx.position().quantity().signum() <= 0) finishFlatten();
        } else if (placing) {
            breachedInventory(ctx);
        }
        publishIfChanged();
    }

    @Override
    public void onOrderUpdate(Order order, StrategyContext ctx) {
        book.onOrderUpdate(order, bar);
        publishIfChanged();
    }

    // ---------------------------------------------------------------- the bar's work

    private void step(BigDecimal price, StrategyContext ctx) {
        switch (phase) {
            case FLATTENING -> {
                continueFlatten(ctx);
                return;
            }
            case STOPPED, FLATTENED -> {
                return;
            }
            default -> {
            }
        }
        if (breachedLimit(price, ctx)) return;
        if (phase == GridPhase.PENDING) {
            build(ctx, price, false);
            return;
        }
        if (rebalance(price, ctx)) return;
        book.placeDue(ctx, bar);
    }

    private void build(StrategyContext ctx, BigDecimal price, boolean recenter) {
        MarketView market = new MarketView(price, ctx.recentBars(settings.warmupBars()), ctx.cash(), ctx.instrument(), () -> Ta4jSeries.of(ctx));
        GridDesign.Design design = GridDesign.resolve(recenter ? recenterSettings() : settings, market);
        GridLadder ladder = GridLadder.build(design.config(), ctx.instrument());
        if (!recenter) {
            settings.limits().requireOutside(ladder);
            baseSpacing = design.baseSpacing();
            baseUnit = design.baseUnit();
            Position held = ctx.position();
            if (held.quantity().signum() > 0) {
                book.seedPool(held.quantity(), held.quantity().multiply(held.averageCost()));
                ledger.seed(held.quantity());
            }
        }
        config = design.config();
        GridPlan plan = ladder.plan(price);
        book.build(ladder, plan);
        lastBuildBar = bar;
        setTriggers(ladder);
        phase = GridPhase.RUNNING;
        log.info("grid {} at {}: {} levels {}..{}, {} buys, {} sells, capital {}", recenter ? "recentered" : "built",
                price.toPlainString(), ladder.size(), ladder.lowest().toPlainString(), ladder.highest().toPlainString(),
                plan.buyCount(), plan.sellCount(), ladder.capital().stripTrailingZeros().toPlainString());
        book.placeDue(ctx, bar);
    }

    /** A recentered grid keeps the spacing it started from, its levels, bounds and sizing; only the centre follows the price. */
    private GridSettings recenterSettings() {
        GridSettings.Builder b = GridSettings.of(config).center(null).spacing(baseSpacing, baseUnit).postOnly(settings.postOnly())
                .heuristic(settings.heuristic());
        settings.adaptive().ifPresent(b::adaptive);
        return b.build();
    }

    private void setTriggers(GridLadder ladder) {
        int after = settings.rebalancing().afterLevels();
        upperTrigger = ladder.extendedPrice(ladder.size() - 1 + after).orElse(null);
        lowerTrigger = ladder.extendedPrice(-after).orElse(null);
    }

    /** Applies the rebalance rule when the price is out of range; true when the grid was taken down or rebuilt. */
    private boolean rebalance(BigDecimal price, StrategyContext ctx) {
        boolean above = upperTrigger != null && price.compareTo(upperTrigger) >= 0;
        boolean below = lowerTrigger != null && price.compareTo(lowerTrigger) <= 0;
        if (!above && !below) {
            if (phase == GridPhase.OUT_OF_RANGE) phase = GridPhase.RUNNING;
            return false;
        }
        Rebalancing rule = settings.rebalancing();
        switch (rule.mode()) {
            case HOLD -> phase = GridPhase.OUT_OF_RANGE;
            case STOP -> {
                log.info("grid stopped: price {} left the range {}..{} by {} levels", price.toPlainString(),
                        lowerTrigger == null ? "0" : lowerTrigger.toPlainString(), upperTrigger.toPlainString(), rule.afterLevels());
                book.retireAll(ctx);
                phase = GridPhase.STOPPED;
                return true;
            }
            case RECENTER -> {
                boolean insideBounds = (settings.lower().isEmpty() || price.compareTo(settings.lower().get()) > 0)
                        && (settings.upper().isEmpty() || price.compareTo(settings.upper().get()) < 0);
                if (!insideBounds || bar - lastBuildBar < rule.cooldownBars()) {
                    phase = GridPhase.OUT_OF_RANGE;
                    return false;
                }
                book.retireAll(ctx);
                ledger.recentered();
                build(ctx, price, true);
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- risk limits and flatten

    private boolean breachedLimit(BigDecimal price, StrategyContext ctx) {
        GridRiskLimits limits = settings.limits();
        if (limits.stopPrice().isPresent() && price.compareTo(limits.stopPrice().get()) <= 0) {
            flatten(ctx, "stop-price " + limits.stopPrice().get().toPlainString() + " reached: price " + price.toPlainString());
            return true;
        }
        if (limits.takeProfitPrice().isPresent() && price.compareTo(limits.takeProfitPrice().get()) >= 0) {
            flatten(ctx, "take-profit-price " + limits.takeProfitPrice().get().toPlainString() + " reached: price " + price.toPlainString());
            return true;
        }
        return breachedInventory(ctx);
    }

    private boolean breachedInventory(StrategyContext ctx) {
        Optional<BigDecimal> max = settings.limits().maxInventory();
        if (max.isPresent() && ledger.inventory().compareTo(max.get()) > 0) {
            flatten(ctx, "inventory " + ledger.inventory().stripTrailingZeros().toPlainString() + " is above max-inventory "
                    + max.get().toPlainString());
            return true;
        }
        return false;
    }

    /**
     * Ends the grid: cancels its orders, sells what the bot holds with a reduce-only market order and
     * places nothing more. Core has no flatten a strategy can call, so this is done with intents; they go
     * through the engine's rounding, risk and state checks like any order.
     */
    private void flatten(StrategyContext ctx, String reason) {
        log.warn("grid flatten: {}", reason);
        phase = GridPhase.FLATTENING;
        book.retireAll(ctx);
        continueFlatten(ctx);
    }

    private void continueFlatten(StrategyContext ctx) {
        if (book.flattenWorking()) return;
        BigDecimal quantity = ctx.position().quantity();
        if (quantity.signum() <= 0) {
            finishFlatten();
            return;
        }
        book.submitFlatten(ctx, quantity).ifPresent(refusal -> {
            if ("sizing".equals(refusal.deniedBy())) {
                log.warn("grid flatten leaves {} {} as dust: {}", quantity.toPlainString(), ctx.symbol(), refusal.reason());
                finishFlatten();
            } else {
                log.warn("grid flatten denied by {}: {}; trying again next bar", refusal.deniedBy(), refusal.reason());
            }
        });
    }

    private void finishFlatten() {
        phase = GridPhase.FLATTENED;
        log.info("grid flattened");
    }

    private void publishIfChanged() {
        if (ledger.changedSincePublish()) ledger.publish(book.pendingRetries());
    }

    // ---------------------------------------------------------------- state

    @Override
    public String saveState() {
        if (restored != null) return GridStateCodec.write(restored);
        List<GridSnapshot.TripState> trips = ledger.roundTrips().stream().map(GridSnapshot.TripState::of).toList();
        return GridStateCodec.write(new GridSnapshot(GridSnapshot.VERSION, phase.name(), bar, lastBuildBar,
                config == null ? null : GridSnapshot.ConfigState.of(config), baseSpacing, baseUnit == null ? null : baseUnit.name(),
                book.pairStates(), book.poolState(), book.taskState(), book.otherOrders(), book.flattenOrderId(),
                ledger.current(book.pendingRetries()), trips));
    }

    @Override
    public void restoreState(String json) {
        if (json == null || json.isBlank() || json.trim().equals("{}")) return;
        GridSnapshot s = GridStateCodec.read(json);
        restored = s;
        phase = GridPhase.valueOf(s.phase());
        bar = s.bar();
        lastBuildBar = s.lastBuildBar();
        ledger.restore(s.stats(), s.roundTrips() == null ? List.of() : s.roundTrips().stream().map(GridSnapshot.TripState::toRoundTrip).toList());
    }

    // ---------------------------------------------------------------- views

    public GridSettings settings() {
        return settings;
    }

    public GridPhase phase() {
        return phase;
    }

    public GridStats stats() {
        return ledger.stats();
    }

    /** The most recent round trips (up to 10 000), oldest first. */
    public List<GridRoundTrip> roundTrips() {
        return ledger.roundTrips();
    }

    /** The grid's levels, once built. */
    public Optional<GridLadder> ladder() {
        return book.ladder();
    }

    /** The settled configuration of the current grid, once built. */
    public Optional<GridConfig> config() {
        return Optional.ofNullable(config);
    }

    /** The level orders working now, lowest level first. */
    public List<GridOrder> workingOrders() {
        return book.workingOrders();
    }
}
