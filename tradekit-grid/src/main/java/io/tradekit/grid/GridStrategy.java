package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.Position;
import io.tradekit.api.Ticker;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.marketdata.Ta4jSeries;
import io.tradekit.core.sizing.ExitQuantity;
import io.tradekit.grid.internal.GridBook;
import io.tradekit.grid.internal.GridShape;
import io.tradekit.grid.internal.GridDesign;
import io.tradekit.grid.internal.GridLedger;
import io.tradekit.grid.internal.GridOrderTag;
import io.tradekit.grid.internal.GridSnapshot;
import io.tradekit.grid.internal.GridStateCodec;
import io.tradekit.grid.internal.MarketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The grid bot: on the first bar after warmup it builds a grid around the price (buys below, sells
 * above, none on the level the price sits on), buys the inventory its sells need in one market order
 * first, and then answers every fill with the counter-order one level away. A post-only order refused
 * for its price goes out again at the next price where it rests; other refusals are retried with backoff;
 * a fill it did not start (someone else's flatten) brings its book in line with the account; leaving the
 * range rebuilds, stops or holds the grid; the risk limits end it in a flatten. Runs the same in a
 * backtest, a replay and live. On a restart it takes over its open orders from their journaled tags
 * ({@link #onStart}) and places no level twice; the fills that happened while it was down then reach it like any
 * other fill, and it answers them with their counter-orders; {@link #saveState()} keeps its figures.
 *
 * <p>On a linear perpetual the grid buys no inventory: its pairs are long or short as
 * {@link GridSettings#perp()} says (neutral by default: longs below the centre, shorts above), each waits
 * for its opening order, and the contracts on each side stay within the {@link PerpGrid} limits.
 *
 * <pre>{@code BacktestResult r = TradeKit.backtest().bars(bars)
 *     .strategy(new GridStrategy(GridSettings.builder().spacing(new BigDecimal("0.5"), SpacingUnit.PERCENT).levels(10).build()))
 *     .run();}</pre>
 *
 * <p>{@link #stats()} (published after each bar and when the bot stops) and {@link #roundTrips()} may be read from
 * any thread; the other views read
 * state owned by the bot's loop thread and are meant for the loop, or for after the bot stopped.
 */
public final class GridStrategy implements Strategy {

    private static final Logger log = LoggerFactory.getLogger(GridStrategy.class);
    /**
     * How long a recentered grid waits for the cancels of the old orders to be confirmed, so that funds
     * they lock are free before new orders need them; after that it goes ahead and retries refusals.
     */
    static final int CANCEL_WAIT_BARS = 3;
    /** Grids kept for {@link #builds()}; a long run that recenters more often keeps the most recent. */
    public static final int KEPT_BUILDS = 10_000;

    private final GridSettings settings;
    private final GridLedger ledger = new GridLedger();
    private final GridBook book;
    /** The grids laid out so far (the most recent {@link #KEPT_BUILDS}); guarded by itself. */
    private final ArrayDeque<GridBuild> builds = new ArrayDeque<>();
    private volatile GridPhase phase = GridPhase.PENDING;
    private long bar;
    private long lastBuildBar;
    /** The last bar to wait for cancels on, or -1 when not waiting. */
    private long cancelWaitUntil = -1;
    private GridShape config;
    private BigDecimal baseSpacing;
    private SpacingUnit baseUnit;
    private BigDecimal upperTrigger;
    private BigDecimal lowerTrigger;
    /** The number of the grid laid out last; every grid's orders carry theirs in their tags. */
    private long buildNumber;
    /** When the grid now laid out was built (market time): a restart without saved state counts its cooldown from it. */
    private Instant builtAt = Instant.EPOCH;
    private boolean restoredFromState;
    /** Round trips a restart read back from the journal's audit lines, taken into the ledger at {@link #onStart}. */
    private List<GridStateCodec.TripLine> journaledTrips = List.of();
    /** Round trips an older version's saved state carried, written as audit lines at {@link #onStart} so they outlive the next restart. */
    private List<GridRoundTrip> tripsOfAnOlderState = List.of();
    /** Nothing is placed or booked before onStart; the engine delivers what its reconciliation found only after onStart. */
    private boolean started;
    /** Why the grid is flattening, for core's audit trail when the flatten is asked for again. */
    private String flattenReason;

    /**
     * A grid strategy that builds its grid from {@code settings} on the first bar after warmup.
     *
     * @param settings the grid's settings; values left empty are settled from the market then
     */
    public GridStrategy(GridSettings settings) {
        this.settings = settings;
        this.book = new GridBook(settings.postOnly(), ledger);
    }


    @Override
    public int warmupBars() {
        return settings.warmupBars();
    }

    /**
     * On a restart the grid takes over its orders that are still open, as their tags describe them, and
     * places none of them again: the journal writes an order's tag with the order before it is sent, so
     * the open orders and the account's holding are the truth even when the saved state is older. A saved
     * state that agrees with them exactly is used as it is.
     */
    @Override
    public void onStart(StrategyContext ctx) {
        started = true;
        tradeOnInstrumentKind(ctx);
        takeBackRoundTrips(ctx);
        List<Order> mine = new ArrayList<>();
        Set<String> openIds = new HashSet<>();
        long newest = 0;
        GridOrderTag newestTag = null;
        for (Order o : ctx.openOrders()) {
            Optional<GridOrderTag> tag = GridOrderTag.parse(o.tag());
            if (tag.isEmpty()) continue;
            mine.add(o);
            openIds.add(o.clientOrderId());
            if (tag.get().build() > newest) {
                newest = tag.get().build();
                newestTag = tag.get();
            }
        }
        boolean restored = restoredFromState;
        restoredFromState = false;
        if (!restored && mine.isEmpty()) return; // a first start
        BigDecimal holding = ctx.position().quantity();
        if (phase != GridPhase.PENDING && phase != GridPhase.RUNNING && phase != GridPhase.OUT_OF_RANGE) {
            // A grid that was taken down stays down: what it left open is cancelled.
            for (Order o : mine) ctx.cancel(o.clientOrderId());
            log.info("grid restored in phase {}; {} of its orders left open are cancelled", phase, mine.size());
            return;
        }
        if (restored && config != null && newest <= buildNumber) {
            GridLadder ladder = GridLadder.build(config, ctx.instrument());
            book.attach(ladder, buildNumber, GridOrderTag.encode(config, baseSpacing, baseUnit, builtAt));
            setTriggers(ladder);
            recordBuild(ladder, ctx);
            if (book.matches(openIds, holding)) {
                log.info("grid restored in phase {} with {} working orders", phase, book.workingOrders().size());
                return;
            }
        } else if (newestTag != null) {
            GridOrderTag.Encoded encoded = GridOrderTag.decode(newestTag.config());
            config = encoded.config();
            baseSpacing = encoded.baseSpacing();
            baseUnit = encoded.baseUnit();
            buildNumber = newest;
            builtAt = encoded.builtAt();
            // Bars are counted from this start: the grid was built as many bars ago as market time says.
            lastBuildBar = bar - Duration.between(builtAt, ctx.now()).dividedBy(ctx.timeframe().duration());
            if (phase == GridPhase.PENDING) phase = GridPhase.RUNNING;
            GridLadder ladder = GridLadder.build(config, ctx.instrument());
            setTriggers(ladder);
            recordBuild(ladder, ctx);
        } else {
            return; // saved before any grid was laid out, and none is open: the first bar builds one
        }
        GridLadder ladder = GridLadder.build(config, ctx.instrument());
        book.adopt(ladder, buildNumber, GridOrderTag.encode(config, baseSpacing, baseUnit, builtAt), mine, holding, ctx.position().averageCost(), ctx);
        book.observe(ctx.lastPrice());
        log.info("grid restarted in phase {}: took over {} open orders of grid {}; {} held", phase, book.workingOrders().size(), buildNumber,
                holding.toPlainString());
    }

    /** A perpetual's grid trades as its {@link PerpGrid} says; perpetual settings on a spot instrument are a mistake. */
    private void tradeOnInstrumentKind(StrategyContext ctx) {
        if (ctx.instrument().isDerivative()) {
            book.tradePerpetual(settings.perp().orElseGet(PerpGrid::neutral));
        } else if (settings.perp().isPresent()) {
            throw new InvalidInputException("grid: 'perp-mode', 'max-long-contracts' and 'max-short-contracts' apply to a perpetual; "
                    + ctx.symbol() + " is spot");
        }
    }

    @Override
    public void onBar(Bar barData, StrategyContext ctx) {
        bar++;
        book.observe(barData.close());
        step(barData.close(), ctx);
        publishIfChanged();
    }

    @Override
    public void onTicker(Ticker ticker, StrategyContext ctx) {
        if (phase == GridPhase.RUNNING || phase == GridPhase.OUT_OF_RANGE) {
            book.observe(ticker.last());
            if (breachedLimit(ticker.last(), ctx)) publishIfChanged();
            else if (started && !waitingForCancels()) book.placeWaiting(ctx, bar);
        }
    }

    @Override
    public void onFill(Fill fill, StrategyContext ctx) {
        if (!started) return; // before onStart the book is not laid out; the engine delivers reconciled fills after it
        boolean placing = started && (phase == GridPhase.RUNNING || phase == GridPhase.OUT_OF_RANGE);
        if (fill.symbol().equals(ctx.symbol())) book.observe(fill.price());
        if (phase == GridPhase.FLATTENING) {
            // Core's closing orders are not the grid's; while the grid flattens, they are what sells its inventory.
            if (!book.onFill(fill, ctx, bar, false)) book.onFlattenFill(fill, ctx);
            finishFlattenWhenFlat(ctx);
        } else if (book.onFill(fill, ctx, bar, placing)) {
            if (placing && !breachedInventory(ctx) && !waitingForCancels()) book.placeWaiting(ctx, bar);
        } else if (placing && book.ladder().isPresent() && fill.symbol().equals(ctx.symbol())) {
            // Someone else traded the grid's inventory (a risk policy's or an operator's flatten): the book follows the account.
            book.realign(ctx.position().quantity(), fill.price(), ctx);
        }
    }

    @Override
    public void onOrderUpdate(Order order, StrategyContext ctx) {
        if (!started) return;
        book.onOrderUpdate(order, bar);
        if (phase == GridPhase.FLATTENING) {
            finishFlattenWhenFlat(ctx);
        } else if (cancelWaitUntil >= 0 && !waitingForCancels() && started && (phase == GridPhase.RUNNING || phase == GridPhase.OUT_OF_RANGE)) {
            // The old grid is gone at the venue: what waited for its funds goes out now.
            book.placeDue(ctx, bar);
        }
    }

    /** The figures are published once a bar (fills and order updates in between only change them) and when the bot stops. */
    @Override
    public void onStop(StrategyContext ctx) {
        publishIfChanged();
    }

    /** Whether cancels of the old grid are still travelling (and the wait has not run out). */
    private boolean waitingForCancels() {
        if (cancelWaitUntil < 0) return false;
        if (book.cancelsOutstanding() > 0 && bar <= cancelWaitUntil) return true;
        if (book.cancelsOutstanding() > 0) log.warn("grid: {} cancels unconfirmed after {} bars; going ahead", book.cancelsOutstanding(), CANCEL_WAIT_BARS);
        cancelWaitUntil = -1;
        return false;
    }

    private void retireAll(StrategyContext ctx) {
        book.retireAll(ctx);
        recordTakenDown(ctx);
        cancelWaitUntil = bar + CANCEL_WAIT_BARS;
    }

    private void recordBuild(GridLadder ladder, StrategyContext ctx) {
        synchronized (builds) {
            if (!builds.isEmpty()) builds.addLast(builds.removeLast().takenDown(ctx.now()));
            if (builds.size() == KEPT_BUILDS) builds.removeFirst();
            builds.addLast(new GridBuild(ctx.now(), ladder, Optional.empty()));
        }
    }

    private void recordTakenDown(StrategyContext ctx) {
        synchronized (builds) {
            if (!builds.isEmpty()) builds.addLast(builds.removeLast().takenDown(ctx.now()));
        }
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
            build(ctx, price);
            return;
        }
        if (rebalance(price, ctx)) return;
        if (!waitingForCancels()) book.placeDue(ctx, bar);
    }

    /** The first grid: a setting that cannot make one is an error for the person who wrote it. */
    private void build(StrategyContext ctx, BigDecimal price) {
        MarketView market = new MarketView(price, ctx.recentBars(settings.warmupBars()), ctx.cash(), ctx.instrument(), () -> Ta4jSeries.of(ctx));
        GridDesign.Design design = GridDesign.resolve(settings, market);
        GridLadder ladder = GridLadder.build(design.config(), ctx.instrument());
        settings.limits().requireOutside(ladder);
        baseSpacing = design.baseSpacing();
        baseUnit = design.baseUnit();
        Position held = ctx.position();
        if (held.quantity().signum() > 0 && !ctx.instrument().isDerivative()) {
            book.seedPool(held.quantity(), held.quantity().multiply(held.averageCost()));
            ledger.seed(held.quantity());
        }
        place(ctx, price, design.config(), ladder, false);
    }

    /** Rebuilds the grid around {@code price}; if no valid grid fits there, the old one stays and it is tried again after the cooldown. */
    private void recenter(StrategyContext ctx, BigDecimal price) {
        GridDesign.Design design;
        GridLadder ladder;
        try {
            design = GridDesign.resolve(recenterSettings(), new MarketView(price, ctx.recentBars(settings.warmupBars()), ctx.cash(),
                    ctx.instrument(), () -> Ta4jSeries.of(ctx)));
            ladder = GridLadder.build(design.config(), ctx.instrument());
        } catch (InvalidInputException e) {
            log.warn("grid cannot be rebuilt around {}: {}; keeping the grid and trying again after the cooldown", price.toPlainString(),
                    e.getMessage());
            lastBuildBar = bar;
            phase = GridPhase.OUT_OF_RANGE;
            return;
        }
        retireAll(ctx);
        ledger.recentered();
        place(ctx, price, design.config(), ladder, true);
    }

    private void place(StrategyContext ctx, BigDecimal price, GridShape newConfig, GridLadder ladder, boolean recenter) {
        config = newConfig;
        GridPlan plan = ladder.plan(price);
        book.build(ladder, plan, ++buildNumber, GridOrderTag.encode(newConfig, baseSpacing, baseUnit, ctx.now()));
        builtAt = ctx.now();
        recordBuild(ladder, ctx);
        lastBuildBar = bar;
        setTriggers(ladder);
        phase = GridPhase.RUNNING;
        if (recenter ? log.isDebugEnabled() : log.isInfoEnabled()) {
            String orders = ctx.instrument().isDerivative() ? settings.perp().orElseGet(PerpGrid::neutral).mode().name().toLowerCase() + " perpetual"
                    : plan.buyCount() + " buys, " + plan.sellCount() + " sells";
            String line = "grid " + (recenter ? "recentered" : "built") + " at " + price.toPlainString() + ": " + ladder.size() + " levels "
                    + ladder.lowest().toPlainString() + ".." + ladder.highest().toPlainString() + ", " + orders + ", capital "
                    + ladder.capital().stripTrailingZeros().toPlainString();
            if (recenter) log.debug(line);
            else log.info(line);
        }
        if (!waitingForCancels()) book.placeDue(ctx, bar);
    }

    /** A recentered grid keeps the spacing it started from, its levels, bounds and sizing; only the centre follows the price. */
    private GridSettings recenterSettings() {
        GridSettings.Builder b = config.toSettingsBuilder().center(null).spacing(baseSpacing, baseUnit).postOnly(settings.postOnly())
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
                retireAll(ctx);
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
                recenter(ctx, price);
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
     * Ends the grid: takes its orders down and asks core to flatten the bot ({@link StrategyContext#flatten}),
     * which cancels what is open and sells the position with reduce-only orders, retried until flat. The
     * grid places nothing more and counts itself flattened once the bot holds nothing it can sell and no
     * order is open.
     */
    private void flatten(StrategyContext ctx, String reason) {
        log.warn("grid flatten: {}", reason);
        phase = GridPhase.FLATTENING;
        flattenReason = reason;
        // The grid cancels its own orders even when the bot's flatten is configured to leave open orders alone:
        // a grid that hit its limit must not trade on.
        book.retireAll(ctx);
        recordTakenDown(ctx);
        cancelWaitUntil = -1;
        ctx.flatten("grid " + reason);
        finishFlattenWhenFlat(ctx);
    }

    /**
     * Done when nothing is open and nothing sellable is held (what is below the instrument's minimums stays
     * as dust). When core's flatten ended without getting there (it gave up after refusals), it is asked
     * again: a call while one runs joins it.
     */
    private void continueFlatten(StrategyContext ctx) {
        if (finishFlattenWhenFlat(ctx) || !ctx.openOrders().isEmpty()) return;
        ctx.flatten("grid " + flattenReason);
    }

    private boolean finishFlattenWhenFlat(StrategyContext ctx) {
        if (phase != GridPhase.FLATTENING || !ctx.openOrders().isEmpty()) return false;
        BigDecimal held = ctx.position().quantity();
        if (held.signum() != 0) {
            BigDecimal price = ctx.lastPrice().signum() > 0 ? ctx.lastPrice() : ctx.position().averageCost();
            if (ExitQuantity.of(held, ctx.instrument(), price).canSell()) return false;
            log.warn("grid flatten leaves {} {} as dust", held.toPlainString(), ctx.symbol());
        }
        phase = GridPhase.FLATTENED;
        log.info("grid flattened");
        return true;
    }

    private void publishIfChanged() {
        if (ledger.changedSincePublish()) ledger.publish(book.pendingRetries());
    }

    // ---------------------------------------------------------------- state

    /**
     * The grid's state: its phase, ladder, pairs, inventory and figures. Journaled with every commit that changes it,
     * so it holds no history that grows: each round trip is an audit line of its own instead, written in the commit of
     * the fill that closed it and read back on a restart ({@link #restoreAudit}).
     */
    @Override
    public String saveState() {
        return GridStateCodec.write(new GridSnapshot(GridSnapshot.VERSION, phase.name(), bar, lastBuildBar, buildNumber, builtAt.getEpochSecond(),
                config == null ? null : GridSnapshot.ConfigState.of(config), baseSpacing, baseUnit == null ? null : baseUnit.name(),
                book.pairStates(), book.poolState(), book.taskState(), book.otherOrders(),
                ledger.current(book.pendingRetries()), List.of(), book.lastObservedPrice(), book.pricePoint(), cancelWaitUntil));
    }

    /**
     * Reads back the newest {@link GridLedger#KEPT_ROUND_TRIPS} round trips the grid wrote as audit lines in earlier
     * runs; they join its ledger when it starts (lines of another symbol's grid are left out).
     *
     * @throws InvalidInputException naming the line when a round trip line is not one the grid wrote
     */
    @Override
    public void restoreAudit(io.tradekit.api.spi.AuditLines lines) {
        journaledTrips = lines.latest(GridStateCodec.TRIP_LINE, GridLedger.KEPT_ROUND_TRIPS).stream().map(GridStateCodec::readTripLine).toList();
    }

    /** The round trips read back from the journal join the ledger; those an older state carried become audit lines. */
    private void takeBackRoundTrips(StrategyContext ctx) {
        List<GridRoundTrip> mine = new ArrayList<>();
        for (GridStateCodec.TripLine line : journaledTrips) {
            if (line.symbol().equals(ctx.symbol())) mine.add(line.trip().toRoundTrip());
        }
        ledger.appendRestored(mine);
        journaledTrips = List.of();
        for (GridRoundTrip trip : tripsOfAnOlderState) GridBook.writeTripLine(ctx, trip, " (from an older saved state)");
        tripsOfAnOlderState = List.of();
    }

    @Override
    public void restoreState(String json) {
        if (json == null || json.isBlank() || json.trim().equals("{}")) return;
        GridSnapshot s = GridStateCodec.read(json);
        config = s.config() == null ? null : s.config().toConfig();
        baseSpacing = s.baseSpacing();
        baseUnit = s.baseSpacingUnit() == null ? null : SpacingUnit.valueOf(s.baseSpacingUnit());
        book.restore(s);
        buildNumber = s.build();
        builtAt = Instant.ofEpochSecond(s.builtAt());
        restoredFromState = true;
        phase = GridPhase.valueOf(s.phase());
        bar = s.bar();
        lastBuildBar = s.lastBuildBar();
        cancelWaitUntil = s.cancelWaitUntil() == null ? -1 : s.cancelWaitUntil();
        // A state written before round trips became audit lines carries them itself.
        tripsOfAnOlderState = s.roundTrips() == null ? List.of() : s.roundTrips().stream().map(GridSnapshot.TripState::toRoundTrip).toList();
        ledger.restore(s.stats(), tripsOfAnOlderState);
    }

    // ---------------------------------------------------------------- views

    /**
     * The settings the grid was created with.
     *
     * @return the settings, as given (not what a heuristic filled in: see {@link #config()})
     */
    public GridSettings settings() {
        return settings;
    }

    /**
     * Where the grid is in its life. Safe to read from any thread.
     *
     * @return the current phase
     */
    public GridPhase phase() {
        return phase;
    }

    /**
     * The grid's figures as last published: after each bar and when the bot stops. Safe to read from any thread.
     *
     * @return the figures, never null
     */
    public GridStats stats() {
        return ledger.stats();
    }

    /**
     * The most recent round trips (up to 10 000), oldest first. Safe to read from any thread.
     *
     * @return an unmodifiable copy
     */
    public List<GridRoundTrip> roundTrips() {
        return ledger.roundTrips();
    }

    /**
     * The grids laid out so far, oldest first: the first, every recenter, the one put back after a restart.
     * Keeps the most recent {@value #KEPT_BUILDS}. Safe to read from any thread.
     *
     * @return an unmodifiable copy
     */
    public List<GridBuild> builds() {
        synchronized (builds) {
            return List.copyOf(builds);
        }
    }

    /**
     * The grid's levels, once built. For the loop, or after the bot stopped.
     *
     * @return the current ladder, or empty before the first grid
     */
    public Optional<GridLadder> ladder() {
        return book.ladder();
    }

    /**
     * The exact grid the strategy trades now, once it has built one.
     *
     * @return its settings with every value of the shape present (centre, spacing, levels, sizing), or empty before the first grid
     */
    public Optional<GridSettings> config() {
        return Optional.ofNullable(config).map(c -> c.toSettingsBuilder().build());
    }

    /**
     * The level orders working now, lowest level first.
     *
     * @return the working orders
     */
    public List<GridOrder> workingOrders() {
        return book.workingOrders();
    }
}
