package io.tradekit.grid.internal;

import io.tradekit.api.BotState;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.api.spi.Submission;
import io.tradekit.core.sizing.OrderRounding;
import io.tradekit.grid.GridLadder;
import io.tradekit.grid.GridOrder;
import io.tradekit.grid.GridPlan;
import io.tradekit.grid.GridRoundTrip;
import io.tradekit.grid.PerpGrid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The working state of one grid: its pairs, which order belongs to which pair, inventory no pair owns
 * yet, and the bootstrap or trim that brings the inventory to what the pairs need. It turns fills into
 * counter-orders (a buy filled at level i sells at i + 1; a sell filled at i buys at i - 1), keeps each
 * round trip's money exactly, and never loses a level: an order refused for its price waits for a price
 * where it rests, any other refusal for a backoff.
 *
 * <p>On a perpetual ({@link #tradePerpetual}) pairs are long or short as the {@link PerpGrid} mode says,
 * no pair holds anything when a grid is laid out, and a position the pairs do not account for (what a
 * retired grid held) is closed at market with a reduce-only order instead of being handed to the pairs;
 * a pair's opening order waits while it would take its side past the inventory limit.
 * Owned by the bot's loop thread.
 */
public final class GridBook {

    private static final Logger log = LoggerFactory.getLogger(GridBook.class);
    private static final MathContext PRICE = MathContext.DECIMAL64;
    /** A venue's words for a post-only order refused because it would have taken liquidity (Binance, Bybit, Kraken, paper). */
    private static final Pattern PRICE_REFUSAL = Pattern.compile("(?i)would immediately match|post.?only|will.?take.?liquidity|would take");

    /** What an order that is not a pair's working order is. */
    enum Role { BOOTSTRAP, TRIM, RETIRED }

    private final boolean postOnly;
    private final GridLedger ledger;
    /** How the grid trades a perpetual; null on spot. */
    private PerpGrid perp;
    /** A perpetual grid was laid out: the position no pair accounts for is closed before anything else. */
    private boolean unaccountedToClose;
    private GridLadder ladder;
    /** The number of the grid now laid out, and its configuration as order tags carry it. */
    private long build;
    private String configCode = "";
    /**
     * A pair's opening tag never changes within a grid, and its closing tag changes only with what its holding
     * cost: a pair that keeps opening at its level for the same money reuses the tag it made last time.
     */
    private String[] openTags = new String[0];
    private String[] closeTags = new String[0];
    private BigDecimal[] closeTagMoney = new BigDecimal[0];
    /** The last price the grid saw (a bar's close, a ticker, a fill) and how many it has seen: a post-only order is judged on it. */
    private BigDecimal lastPrice;
    private long pricePoint;
    /** Pairs whose order waits for a price at which it rests. */
    private int waiting;
    /** After a restart, orderless pairs are given their side once a price is known. */
    private boolean assignPending;
    private LevelPair[] pairs = new LevelPair[0];
    private final Map<String, Integer> pairByOrder = new HashMap<>();
    private final Map<String, Role> others = new LinkedHashMap<>();
    private final InventoryPool pool = new InventoryPool();
    private InventoryTask task;
    /** No pair needs an order before this bar: lets a bar with nothing to do skip the scan. */
    private long earliestDue = Long.MAX_VALUE;

    public GridBook(boolean postOnly, GridLedger ledger) {
        this.postOnly = postOnly;
        this.ledger = ledger;
    }

    /** The grid trades a perpetual as {@code settings} say; called before any grid is laid out or restored. */
    public void tradePerpetual(PerpGrid settings) {
        this.perp = settings;
    }

    private boolean onPerpetual() {
        return perp != null;
    }

    /** Gives every pair its direction on the current ladder. */
    private void assignDirections() {
        for (LevelPair p : pairs) p.shortPair = onPerpetual() && perp.isShortPair(p.index, ladder.centerIndex());
    }

    // ---------------------------------------------------------------- building

    /**
     * Lays out a new grid for the plan's price: pairs below the anchor wait to buy, pairs from the anchor
     * up must hold inventory. They take it from the pool first (nearest first); a shortfall becomes one
     * bootstrap buy, an excess one trim sell. Nothing is sent until {@link #placeDue}. {@code number} and
     * {@code config} go into every order's tag, so that a restart can recognise the grid's orders.
     */
    public void build(GridLadder newLadder, GridPlan plan, long number, String config) {
        ladder = newLadder;
        build = number;
        configCode = config;
        openTags = new String[0];
        closeTags = new String[0];
        waiting = 0;
        assignPending = false;
        pairs = new LevelPair[newLadder.pairs()];
        for (int i = 0; i < pairs.length; i++) {
            LevelPair p = new LevelPair(i);
            p.holding = !onPerpetual() && plan.holds(i);
            p.awaitingInventory = p.holding;
            pairs[i] = p;
        }
        assignDirections();
        if (onPerpetual()) {
            task = null;
            unaccountedToClose = true;
            earliestDue = 0;
            return;
        }
        fundAwaitingPairs();
        BigDecimal wanted = BigDecimal.ZERO;
        for (LevelPair p : pairs) if (p.awaitingInventory) wanted = wanted.add(newLadder.quantity(p.index));
        BigDecimal shortfall = wanted.subtract(pool.quantity);
        Instrument inst = newLadder.instrument();
        if (shortfall.signum() > 0) {
            BigDecimal steps = shortfall.divide(inst.stepSize(), 0, RoundingMode.CEILING);
            task = new InventoryTask(Side.BUY, steps.multiply(inst.stepSize()));
        } else if (wanted.signum() == 0 && !pool.isEmpty()) {
            BigDecimal excess = pool.quantity.divide(inst.stepSize(), 0, RoundingMode.FLOOR).multiply(inst.stepSize());
            task = excess.signum() > 0 ? new InventoryTask(Side.SELL, excess) : null;
        } else {
            task = null;
        }
        earliestDue = 0;
    }

    /**
     * Inventory the bot already holds when its first grid is built (bought by hand, or a restart without
     * grid state), at its average cost: the holding pairs take it before anything is bought.
     */
    public void seedPool(BigDecimal quantity, BigDecimal cost) {
        if (quantity.signum() > 0) pool.add(quantity, cost, BigDecimal.ZERO);
    }

    private void fundAwaitingPairs() {
        for (LevelPair p : pairs) {
            if (!p.awaitingInventory) continue;
            BigDecimal need = ladder.quantity(p.index);
            if (pool.quantity.compareTo(need) < 0) return;
            InventoryPool.Share taken = pool.take(need);
            p.held = taken.quantity();
            p.entryCost = taken.cost();
            p.entryFees = taken.fees();
            p.awaitingInventory = false;
            earliestDue = 0;
        }
    }

    // ---------------------------------------------------------------- placing

    /**
     * A new price point: a bar's close, a ticker, a fill's price. Post-only orders are judged on the last
     * one; a level refused for its price is tried again only at a later one.
     */
    public void observe(BigDecimal price) {
        if (price == null || price.signum() <= 0) return;
        lastPrice = price;
        pricePoint++;
        if (assignPending && ladder != null) assignOrderless(price);
    }

    /** Sends the bootstrap or trim first, then every pair's order whose time (or price) has come. */
    public void placeDue(StrategyContext ctx, long bar) {
        if (unaccountedToClose) closeUnaccounted(ctx);
        if (task != null && task.orderId == null && task.retry.due(bar)) placeTask(ctx, bar);
        if (assignPending) return;
        boolean due = bar >= earliestDue;
        if (!due && waiting == 0) return;
        long next = Long.MAX_VALUE;
        for (LevelPair p : placementOrder()) {
            if (!p.needsOrder()) continue;
            if (p.waitingForPrice || due && p.retry.due(bar)) place(p, ctx, bar);
            if (p.needsOrder() && !p.waitingForPrice) next = Math.min(next, p.retry.nextBar());
        }
        if (due) earliestDue = next;
    }

    /** Places the orders that wait for a price, if the last price lets them rest; cheap when none waits. */
    public void placeWaiting(StrategyContext ctx, long bar) {
        if (waiting == 0 || assignPending) return;
        for (LevelPair p : placementOrder()) if (p.waitingForPrice && p.needsOrder()) place(p, ctx, bar);
    }

    /**
     * The pairs in the order their orders are placed: lowest first on spot; on a perpetual nearest to the last
     * price first, so that where an inventory limit leaves room for only some opening orders, the nearest get it.
     */
    private LevelPair[] placementOrder() {
        if (!onPerpetual() || lastPrice == null) return pairs;
        LevelPair[] sorted = pairs.clone();
        Arrays.sort(sorted, Comparator.comparing((LevelPair p) -> ladder.price(p.orderLevel()).subtract(lastPrice).abs()));
        return sorted;
    }

    private void place(LevelPair p, StrategyContext ctx, long bar) {
        int level = p.orderLevel();
        Side side = p.orderSide();
        BigDecimal price = ladder.price(level);
        // The ladder's quantities are on the step already; what a pair holds may not be (a fee taken in the base asset).
        BigDecimal qty = p.holding ? OrderRounding.quantityDown(p.held, ladder.instrument()) : ladder.quantity(p.index);
        // A perpetual's pair opens only where its order rests: it buys no inventory at market, as a spot grid's bootstrap does.
        boolean mustRest = postOnly || onPerpetual() && !p.holding;
        if (mustRest && (pricePoint <= p.refusedAtPoint || !rests(side, price)) || !accepts(ctx, side) || !p.holding && !roomFor(p, qty)) {
            // Sending it now would only be refused (or take, or pass the inventory limit): it waits, uncounted, for a
            // price, a bot state or a closing fill that lets it go.
            waitForPrice(p);
            return;
        }
        OrderIntent intent = new OrderIntent(ctx.symbol(), side, postOnly ? OrderType.LIMIT_MAKER : OrderType.LIMIT, qty,
                ladder.limitPrice(level), TimeInForce.GTC, false, tag(p, level));
        if (p.retry.attempts() > 0 || p.refusedAtPoint >= 0) ledger.retried();
        Submission s = ctx.submit(intent);
        if (s.isSent()) {
            stopWaiting(p);
            p.refusedAtPoint = -1;
            p.orderId = s.clientOrderId();
            p.orderQuantity = s.order().orElseThrow().quantity(); // a risk policy may have resized it
            p.orderFilled = BigDecimal.ZERO;
            pairByOrder.put(p.orderId, p.index);
        } else {
            stopWaiting(p);
            refused(p, bar, () -> side + " " + qty.toPlainString() + " at " + price.toPlainString() + " denied by "
                    + s.deniedBy() + ": " + s.reason());
        }
    }

    private String tag(LevelPair p, int level) {
        if (openTags.length != pairs.length) {
            openTags = new String[pairs.length];
            closeTags = new String[pairs.length];
            closeTagMoney = new BigDecimal[2 * pairs.length];
        }
        if (p.holding) {
            int at = 2 * p.index;
            if (closeTags[p.index] == null || !p.entryCost.equals(closeTagMoney[at]) || !p.entryFees.equals(closeTagMoney[at + 1])) {
                closeTags[p.index] = GridOrderTag.level(build, p.index, p.orderSide(), true, level, p.entryCost, p.entryFees, configCode);
                closeTagMoney[at] = p.entryCost;
                closeTagMoney[at + 1] = p.entryFees;
            }
            return closeTags[p.index];
        }
        String tag = openTags[p.index];
        if (tag == null) {
            openTags[p.index] = tag = GridOrderTag.level(build, p.index, p.orderSide(), false, level, BigDecimal.ZERO, BigDecimal.ZERO, configCode);
        }
        return tag;
    }

    /**
     * Whether opening {@code qty} more for {@code p} keeps its side within the perpetual grid's inventory
     * limit, counting what the side's pairs hold and every opening order they have working.
     */
    private boolean roomFor(LevelPair p, BigDecimal qty) {
        if (!onPerpetual()) return true;
        Optional<BigDecimal> max = perp.limitFor(p.shortPair);
        if (max.isEmpty()) return true;
        BigDecimal committed = qty;
        for (LevelPair other : pairs) if (other.shortPair == p.shortPair) committed = committed.add(other.committed());
        return committed.compareTo(max.get()) <= 0;
    }

    /** The contracts the pairs hold, long minus short: what the account should hold on a perpetual. */
    private BigDecimal bookedNet() {
        BigDecimal net = BigDecimal.ZERO;
        for (LevelPair p : pairs) net = p.shortPair ? net.subtract(p.held) : net.add(p.held);
        return net;
    }

    /**
     * A perpetual grid starts with nothing but what its pairs account for: anything else the account holds
     * (what a retired grid held, a position opened by hand) is closed at market with a reduce-only order.
     */
    private void closeUnaccounted(StrategyContext ctx) {
        unaccountedToClose = false;
        if (task != null) return;
        BigDecimal extra = ctx.position().quantity().subtract(bookedNet());
        BigDecimal qty = OrderRounding.quantityDown(extra.abs(), ladder.instrument());
        if (qty.signum() > 0) task = new InventoryTask(extra.signum() > 0 ? Side.SELL : Side.BUY, qty);
    }

    /** Whether a post-only order of {@code side} at {@code price} rests at the last price seen (one that would take is refused). */
    private boolean rests(Side side, BigDecimal price) {
        if (lastPrice == null) return true;
        int c = price.compareTo(lastPrice);
        return side == Side.BUY ? c < 0 : c > 0;
    }

    /**
     * A paused or stopped bot refuses every new order and a reduce-only one every order that does not reduce
     * the position (every buy on spot): the grid waits instead of being refused.
     */
    private boolean accepts(StrategyContext ctx, Side side) {
        if (!(ctx instanceof RiskContext risk)) return true;
        BotState state = risk.state();
        if (state.acceptsNewExposure()) return true;
        boolean reduces = onPerpetual() ? ctx.position().quantity().signum() == -side.sign() : side == Side.SELL;
        return reduces && state.acceptsReducingOrders();
    }

    private void waitForPrice(LevelPair p) {
        if (p.waitingForPrice) return;
        p.waitingForPrice = true;
        waiting++;
    }

    private void stopWaiting(LevelPair p) {
        if (!p.waitingForPrice) return;
        p.waitingForPrice = false;
        waiting--;
    }

    /** Counted in the stats and published by the engine as a denial or rejection; the log line is for debugging. */
    private void refused(LevelPair p, long bar, Supplier<String> why) {
        ledger.rejected();
        p.retry.refused(bar);
        earliestDue = Math.min(earliestDue, p.retry.nextBar());
        if (log.isDebugEnabled()) {
            log.debug("grid level {} (pair {}): {}; try {} at bar {}", p.orderLevel(), p.index, why.get(), p.retry.attempts() + 1, p.retry.nextBar());
        }
    }

    private void placeTask(StrategyContext ctx, long bar) {
        BigDecimal qty = task.quantity.subtract(task.filled);
        // On a perpetual the task only ever closes what no pair accounts for: a trim, whichever its side.
        boolean bootstrap = task.side == Side.BUY && !onPerpetual();
        OrderIntent intent = OrderIntent.market(ctx.symbol(), task.side, qty).withTag(GridOrderTag.inventory(build, bootstrap, configCode));
        if (!bootstrap) intent = intent.asReduceOnly();
        if (task.retry.attempts() > 0) ledger.retried();
        Submission s = ctx.submit(intent);
        if (s.isSent()) {
            task.orderId = s.clientOrderId();
            others.put(task.orderId, bootstrap ? Role.BOOTSTRAP : Role.TRIM);
            return;
        }
        ledger.rejected();
        if (!bootstrap && "sizing".equals(s.deniedBy())) {
            // Below the instrument's minimums: it cannot be sold, so it stays with the grid as dust.
            log.info("grid trim of {} {} left as dust: {}", qty.toPlainString(), ctx.symbol(), s.reason());
            task = null;
            return;
        }
        task.retry.refused(bar);
        log.debug("grid {} of {} {} denied by {}: {}; try again at bar {}", task.side == Side.BUY ? "bootstrap" : "trim",
                qty.toPlainString(), ctx.symbol(), s.deniedBy(), s.reason(), task.retry.nextBar());
    }

    // ---------------------------------------------------------------- fills and updates

    /**
     * Applies a fill of one of the grid's orders; a pair whose order completed gets its counter-order at
     * once when {@code placing}. Returns false for a fill of an order that is not the grid's.
     */
    public boolean onFill(Fill fill, StrategyContext ctx, long bar, boolean placing) {
        String id = fill.clientOrderId();
        Instrument inst = ctx.instrument();
        boolean baseFee = fill.feeAsset().equals(inst.baseAsset());
        BigDecimal feeInQuote = baseFee ? fill.fee().multiply(fill.price()) : fill.feeAsset().equals(inst.quoteAsset()) ? fill.fee() : BigDecimal.ZERO;
        BigDecimal received = baseFee && fill.side() == Side.BUY ? fill.quantity().subtract(fill.fee()) : fill.quantity();
        Integer pairIndex = pairByOrder.get(id);
        if (pairIndex != null) {
            ledger.fill(fill.side() == Side.BUY, received, feeInQuote);
            LevelPair p = pairs[pairIndex];
            if (fill.side() == p.openingSide()) pairOpened(p, fill, received, feeInQuote, ctx, bar, placing);
            else pairClosed(p, fill, feeInQuote, ctx, bar, placing);
            return true;
        }
        Role role = others.get(id);
        if (role == null) return false;
        ledger.fill(fill.side() == Side.BUY, received, feeInQuote);
        // A perpetual grid keeps no pool: what no pair accounts for is closed instead (closeUnaccounted).
        if (!onPerpetual()) {
            if (fill.side() == Side.BUY) pool.add(received, fill.notional(), feeInQuote);
            else pool.take(fill.quantity());
        }
        if (role == Role.BOOTSTRAP && task != null && id.equals(task.orderId)) {
            task.filled = task.filled.add(fill.quantity());
            if (task.filled.compareTo(task.quantity) >= 0) {
                others.remove(id);
                task = null;
            }
            fundAwaitingPairs();
            if (placing) placeDue(ctx, bar);
        } else if (role == Role.TRIM && task != null && id.equals(task.orderId)) {
            task.filled = task.filled.add(fill.quantity());
            if (task.filled.compareTo(task.quantity) >= 0) {
                others.remove(id);
                task = null;
            }
        }
        return true;
    }

    private void pairOpened(LevelPair p, Fill fill, BigDecimal received, BigDecimal fee, StrategyContext ctx, long bar, boolean placing) {
        // An empty pair takes the fill's own quantity: its closing order, and the round trip, then share that number.
        p.held = p.held.signum() == 0 ? received : p.held.add(received);
        p.entryCost = p.entryCost.add(fill.notional());
        p.entryFees = p.entryFees.add(fee);
        p.orderFilled = p.orderFilled.add(fill.quantity());
        if (p.orderFilled.compareTo(p.orderQuantity) >= 0) {
            pairByOrder.remove(p.orderId);
            p.clearOrder();
            p.holding = true;
            p.retry.reset();
            counter(p, ctx, bar, placing);
        }
    }

    private void pairClosed(LevelPair p, Fill fill, BigDecimal fee, StrategyContext ctx, long bar, boolean placing) {
        p.held = p.held.subtract(fill.quantity());
        p.sold = p.sold.add(fill.quantity());
        p.exitProceeds = p.exitProceeds.add(fill.notional());
        p.exitFees = p.exitFees.add(fee);
        p.orderFilled = p.orderFilled.add(fill.quantity());
        if (p.orderFilled.compareTo(p.orderQuantity) < 0) return;
        pairByOrder.remove(p.orderId);
        p.clearOrder();
        p.retry.reset();
        if (p.held.compareTo(ctx.instrument().stepSize()) >= 0) {
            counter(p, ctx, bar, placing); // more than a step left (a partial sell): sell the rest
            return;
        }
        if (p.held.signum() > 0 && !onPerpetual()) {
            // Less than a step left (a fee taken in the base asset): it cannot be sold alone; the pool keeps it.
            BigDecimal total = p.held.add(p.sold);
            BigDecimal cost = p.entryCost.multiply(p.held).divide(total, PRICE);
            BigDecimal fees = p.entryFees.multiply(p.held).divide(total, PRICE);
            pool.add(p.held, cost, fees);
            p.entryCost = p.entryCost.subtract(cost);
            p.entryFees = p.entryFees.subtract(fees);
        }
        BigDecimal fees = p.entryFees.add(p.exitFees);
        BigDecimal entry = average(p.entryCost, p.sold);
        BigDecimal exit = average(p.exitProceeds, p.sold);
        // A long pair sold for exitProceeds what cost entryCost; a short pair bought back for exitProceeds what it sold for entryCost.
        BigDecimal gross = p.shortPair ? p.entryCost.subtract(p.exitProceeds) : p.exitProceeds.subtract(p.entryCost);
        GridRoundTrip trip = new GridRoundTrip(p.index, p.shortPair ? exit : entry, p.shortPair ? entry : exit, p.sold, fees,
                gross.subtract(fees), fill.time());
        ledger.roundTrip(trip);
        // The trip's own line, in the commit of the fill that closed it: a restart reads the trips back from these lines,
        // so the state journaled with every commit need not carry the whole history.
        writeTripLine(ctx, trip, "");
        p.resetCycle();
        counter(p, ctx, bar, placing);
    }

    /** An average price written the way prices are (100, not 1.0E+2). */
    private static BigDecimal average(BigDecimal total, BigDecimal quantity) {
        BigDecimal avg = total.divide(quantity, PRICE).stripTrailingZeros();
        return avg.scale() < 0 ? avg.setScale(0) : avg;
    }

    private void counter(LevelPair p, StrategyContext ctx, long bar, boolean placing) {
        if (placing) place(p, ctx, bar);
        if (p.needsOrder() && !p.waitingForPrice) earliestDue = Math.min(earliestDue, p.retry.nextBar());
    }

    /**
     * An order of the grid changed. A level's order that ended without filling is placed again: a post-only
     * order refused for its price at the next price point where it rests; one cancelled by someone else (an
     * operator, a flatten) when the price and the bot's state let it; any other refusal after a backoff.
     */
    public void onOrderUpdate(Order order, long bar) {
        String id = order.clientOrderId();
        Integer pairIndex = pairByOrder.get(id);
        if (pairIndex != null) {
            LevelPair p = pairs[pairIndex];
            if (order.status() == OrderStatus.NEW || order.status() == OrderStatus.PARTIALLY_FILLED) {
                p.retry.reset();
            } else if (order.status().isTerminal() && order.status() != OrderStatus.FILLED) {
                pairByOrder.remove(id);
                if (!p.holding && p.held.signum() > 0) p.holding = true; // a partly filled buy: sell what it bought
                p.clearOrder();
                if (refusedForPrice(order)) {
                    ledger.rejected();
                    p.refusedAtPoint = pricePoint;
                    waitForPrice(p);
                    if (log.isDebugEnabled()) {
                        log.debug("grid level {} (pair {}): {} {} at {} would have taken; placed again where the price lets it rest", p.orderLevel(),
                                p.index, order.side(), order.quantity().toPlainString(), order.limitPrice().map(BigDecimal::toPlainString).orElse(""));
                    }
                } else if (order.status() == OrderStatus.CANCELED) {
                    p.refusedAtPoint = pricePoint;
                    waitForPrice(p);
                } else {
                    refused(p, bar, () -> order.side() + " " + order.quantity().toPlainString() + " at "
                            + order.limitPrice().map(BigDecimal::toPlainString).orElse("market") + " " + order.status()
                            + order.reason().map(r -> ": " + r).orElse(""));
                }
            }
            return;
        }
        Role role = others.get(id);
        if (role == null || !order.status().isTerminal()) return;
        others.remove(id);
        if (task != null && id.equals(task.orderId)) {
            task.orderId = null;
            if (task.filled.compareTo(task.quantity) >= 0) {
                task = null;
            } else {
                ledger.rejected();
                task.retry.refused(bar);
                log.debug("grid {} {} {}{}; the rest is tried again at bar {}", task.side == Side.BUY ? "bootstrap" : "trim", id, order.status(),
                        order.reason().map(r -> " (" + r + ")").orElse(""), task.retry.nextBar());
            }
        }
    }

    /**
     * A post-only order refused because it would have taken: the venue says so, or the last price shows it.
     * That is the market moving, not a fault, so it is not backed off.
     */
    private boolean refusedForPrice(Order order) {
        if (order.type() != OrderType.LIMIT_MAKER || order.status() == OrderStatus.CANCELED && order.reason().isEmpty()) return false;
        if (order.reason().map(r -> PRICE_REFUSAL.matcher(r).find()).orElse(false)) return true;
        return order.status() == OrderStatus.REJECTED && order.limitPrice().map(price -> !rests(order.side(), price)).orElse(false);
    }

    // ---------------------------------------------------------------- taking the grid down

    /**
     * Cancels every order of the grid and gives the pairs' holdings to the pool, so that a new grid or
     * a flatten starts from what is really held. Fills that still arrive for these orders go to the pool.
     */
    public void retireAll(StrategyContext ctx) {
        for (LevelPair p : pairs) {
            if (p.orderId != null) {
                others.put(p.orderId, Role.RETIRED);
                pairByOrder.remove(p.orderId);
                ctx.cancel(p.orderId);
            }
            if (p.held.signum() > 0 && !onPerpetual()) {
                BigDecimal total = p.held.add(p.sold);
                boolean whole = p.sold.signum() == 0;
                BigDecimal cost = whole ? p.entryCost : p.entryCost.multiply(p.held).divide(total, PRICE);
                BigDecimal fees = whole ? p.entryFees : p.entryFees.multiply(p.held).divide(total, PRICE);
                pool.add(p.held, cost, fees);
            }
        }
        if (task != null && task.orderId != null) {
            others.put(task.orderId, Role.RETIRED);
            ctx.cancel(task.orderId);
        }
        task = null;
        pairs = new LevelPair[0];
        pairByOrder.clear();
        earliestDue = Long.MAX_VALUE;
        waiting = 0;
        assignPending = false;
    }

    // ---------------------------------------------------------------- in line with the account

    /**
     * Brings the book in line with what the account holds, after a fill the grid did not start (a risk
     * policy's or an operator's flatten, a trade by hand) or a restart. Inventory the account has beyond
     * the book's goes to the pool (at {@code price}) and to pairs waiting for it; inventory the book counts
     * but the account no longer has is taken from the pool, then from the holding pairs with the highest
     * sell levels (their sells are cancelled): a pair left with less than it can sell buys again at its
     * level once the price lets it.
     */
    public void realign(BigDecimal accountHolding, BigDecimal price, StrategyContext ctx) {
        if (onPerpetual()) {
            realignPerpetual(accountHolding, ctx);
            return;
        }
        BigDecimal booked = pool.quantity;
        for (LevelPair p : pairs) booked = booked.add(p.held);
        BigDecimal delta = accountHolding.max(BigDecimal.ZERO).subtract(booked);
        if (delta.signum() > 0) {
            pool.add(delta, delta.multiply(price), BigDecimal.ZERO);
            fundAwaitingPairs();
        } else if (delta.signum() < 0) {
            BigDecimal missing = delta.negate().subtract(pool.take(delta.negate()).quantity());
            for (int i = pairs.length - 1; i >= 0 && missing.signum() > 0; i--) {
                LevelPair p = pairs[i];
                if (p.held.signum() <= 0) continue;
                BigDecimal cut = missing.min(p.held);
                loseHolding(p, cut, ctx);
                missing = missing.subtract(cut);
            }
        }
        if (delta.signum() != 0) {
            log.info("grid book realigned with the account: it holds {}, the book counted {}", accountHolding.toPlainString(), booked.toPlainString());
        }
        ledger.align(accountHolding.max(BigDecimal.ZERO));
    }

    /**
     * The perpetual form of {@link #realign}: a position smaller than the book's on a side is taken from that
     * side's pairs (long pairs with the highest sell levels first, short pairs with the lowest buy levels
     * first); a position the pairs do not account for is closed at market.
     */
    private void realignPerpetual(BigDecimal accountHolding, StrategyContext ctx) {
        BigDecimal booked = bookedNet();
        BigDecimal delta = accountHolding.subtract(booked);
        if (delta.signum() == 0) return;
        BigDecimal missing = delta.abs();
        boolean cutShorts = delta.signum() > 0;
        for (int k = 0; k < pairs.length && missing.signum() > 0; k++) {
            LevelPair p = pairs[cutShorts ? k : pairs.length - 1 - k];
            if (p.shortPair != cutShorts || p.held.signum() <= 0) continue;
            BigDecimal cut = missing.min(p.held);
            loseHolding(p, cut, ctx);
            missing = missing.subtract(cut);
        }
        if (missing.signum() > 0) unaccountedToClose = true;
        log.info("grid book realigned with the account: it holds {}, the book counted {}", accountHolding.toPlainString(), booked.toPlainString());
        ledger.align(accountHolding);
    }

    /** {@code cut} of the pair's holding is gone from the account: its sell no longer matches and is cancelled. */
    private void loseHolding(LevelPair p, BigDecimal cut, StrategyContext ctx) {
        if (p.holding && p.orderId != null) {
            others.put(p.orderId, Role.RETIRED);
            pairByOrder.remove(p.orderId);
            ctx.cancel(p.orderId);
            p.clearOrder();
        }
        BigDecimal costCut = p.entryCost.multiply(cut).divide(p.held, PRICE);
        BigDecimal feesCut = p.entryFees.multiply(cut).divide(p.held, PRICE);
        p.held = p.held.subtract(cut);
        p.entryCost = p.entryCost.subtract(costCut);
        p.entryFees = p.entryFees.subtract(feesCut);
        if (!p.holding) return; // a buy in progress keeps buying; it sells what it holds once complete
        if (p.held.compareTo(ladder.instrument().stepSize()) < 0) {
            if (p.held.signum() > 0) pool.add(p.held, p.entryCost, p.entryFees);
            p.resetCycle();
        }
        p.refusedAtPoint = pricePoint;
        waitForPrice(p);
    }

    // ---------------------------------------------------------------- after a restart

    /**
     * Takes over the grid's orders that are still open after a restart, from what their tags say: each
     * level's order is adopted, never placed again. Orders of older grids are cancelled. The book is then
     * brought in line with the account's {@code holding} (at {@code averageCost}); pairs without an open
     * order get their side once a price is known ({@link #observe}): a pair whose buy level is at or above
     * the price holds (if the inventory is there), one whose sell level is at or below it buys, and the
     * pair the price sits between holds if inventory is left for it.
     */
    public void adopt(GridLadder newLadder, long number, String config, List<Order> open, BigDecimal holding, BigDecimal averageCost,
                      StrategyContext ctx) {
        ladder = newLadder;
        build = number;
        configCode = config;
        openTags = new String[0];
        closeTags = new String[0];
        pairs = new LevelPair[newLadder.pairs()];
        for (int i = 0; i < pairs.length; i++) pairs[i] = new LevelPair(i);
        assignDirections();
        pairByOrder.clear();
        others.clear();
        pool.quantity = BigDecimal.ZERO;
        pool.cost = BigDecimal.ZERO;
        pool.fees = BigDecimal.ZERO;
        task = null;
        waiting = 0;
        for (Order o : open) {
            GridOrderTag tag = GridOrderTag.parse(o.tag()).orElse(null);
            if (tag == null) continue;
            if (tag.build() != number) {
                others.put(o.clientOrderId(), Role.RETIRED);
                ctx.cancel(o.clientOrderId());
                continue;
            }
            switch (tag.kind()) {
                case BUY, SELL -> adoptLevelOrder(o, tag);
                case BOOTSTRAP, TRIM -> {
                    task = new InventoryTask(o.side(), o.quantity());
                    task.orderId = o.clientOrderId();
                    task.filled = o.filledQuantity();
                    others.put(o.clientOrderId(), tag.kind() == GridOrderTag.Kind.BOOTSTRAP ? Role.BOOTSTRAP : Role.TRIM);
                }
            }
        }
        realign(holding, averageCost, ctx);
        assignPending = true;
        earliestDue = 0;
    }

    private void adoptLevelOrder(Order o, GridOrderTag tag) {
        if (tag.pair() < 0 || tag.pair() >= pairs.length || pairs[tag.pair()].orderId != null) return;
        LevelPair p = pairs[tag.pair()];
        p.holding = tag.kind() != (p.openingSide() == Side.BUY ? GridOrderTag.Kind.BUY : GridOrderTag.Kind.SELL);
        p.orderId = o.clientOrderId();
        p.orderQuantity = o.quantity();
        p.orderFilled = o.filledQuantity();
        BigDecimal filledValue = o.filledQuantity().multiply(o.averageFillPrice());
        BigDecimal feeRate = ladder.makerFeeRate();
        if (p.holding) {
            p.held = o.remainingQuantity();
            p.entryCost = tag.entryCost();
            p.entryFees = tag.entryFees();
            p.sold = o.filledQuantity();
            p.exitProceeds = filledValue;
            p.exitFees = filledValue.multiply(feeRate);
        } else {
            p.held = o.filledQuantity();
            p.entryCost = filledValue;
            p.entryFees = filledValue.multiply(feeRate);
        }
        pairByOrder.put(p.orderId, p.index);
    }

    /** Gives each pair without an order its side at {@code price}, holding what the pool has for it. */
    private void assignOrderless(BigDecimal price) {
        assignPending = false;
        if (onPerpetual()) {
            // Orderless pairs open again; what the account holds beyond the pairs is closed (realignPerpetual).
            earliestDue = 0;
            return;
        }
        int anchor = -1;
        for (LevelPair p : pairs) {
            if (p.orderId != null || p.held.signum() > 0) continue;
            if (ladder.price(p.index).compareTo(price) >= 0) holdIfStocked(p);
            else if (ladder.price(p.index + 1).compareTo(price) > 0) anchor = p.index;
        }
        if (anchor >= 0) holdIfStocked(pairs[anchor]);
        earliestDue = 0;
    }

    private void holdIfStocked(LevelPair p) {
        BigDecimal need = ladder.quantity(p.index);
        if (pool.quantity.compareTo(need) >= 0) {
            InventoryPool.Share taken = pool.take(need);
            p.held = taken.quantity();
            p.entryCost = taken.cost();
            p.entryFees = taken.fees();
            p.holding = true;
        } else if (task != null && task.side == Side.BUY) {
            p.holding = true;
            p.awaitingInventory = true; // the bootstrap still buying brings it
        }
    }

    /**
     * Applies a fill of an order that core's flatten sent for the grid: it leaves the grid's inventory
     * (all of it in the pool, once {@link #retireAll} ran) and its fee is the grid's.
     */
    public void onFlattenFill(Fill fill, StrategyContext ctx) {
        Instrument inst = ctx.instrument();
        boolean baseFee = fill.feeAsset().equals(inst.baseAsset());
        BigDecimal feeInQuote = baseFee ? fill.fee().multiply(fill.price()) : fill.feeAsset().equals(inst.quoteAsset()) ? fill.fee() : BigDecimal.ZERO;
        BigDecimal received = baseFee && fill.side() == Side.BUY ? fill.quantity().subtract(fill.fee()) : fill.quantity();
        ledger.fill(fill.side() == Side.BUY, received, feeInQuote);
        if (onPerpetual()) return;
        if (fill.side() == Side.BUY) pool.add(received, fill.notional(), feeInQuote);
        else pool.take(fill.quantity());
    }

    /** Orders cancelled by {@link #retireAll} whose end the venue has not confirmed yet. */
    public int cancelsOutstanding() {
        int n = 0;
        for (Role role : others.values()) if (role == Role.RETIRED) n++;
        return n;
    }

    // ---------------------------------------------------------------- views

    public Optional<GridLadder> ladder() {
        return Optional.ofNullable(ladder);
    }

    /** The level orders working now, lowest level first. */
    public List<GridOrder> workingOrders() {
        List<GridOrder> out = new ArrayList<>();
        if (ladder == null) return out;
        for (LevelPair p : pairs) {
            if (p.orderId == null) continue;
            int level = p.orderLevel();
            out.add(new GridOrder(p.orderId, level, p.orderSide(), ladder.price(level), p.orderQuantity));
        }
        out.sort((a, b) -> Integer.compare(a.level(), b.level()));
        return out;
    }

    /** Levels, and the bootstrap or trim, that wait for their next try after a refusal. */
    public int pendingRetries() {
        int n = 0;
        for (LevelPair p : pairs) if (p.orderId == null && p.retry.attempts() > 0) n++;
        if (task != null && task.orderId == null && task.retry.attempts() > 0) n++;
        return n;
    }

    /** Whether every level has its order and no inventory is being bought or trimmed. */
    public boolean settled() {
        if (task != null) return false;
        for (LevelPair p : pairs) if (p.orderId == null) return false;
        return true;
    }

    // ---------------------------------------------------------------- state

    public List<GridSnapshot.PairState> pairStates() {
        List<GridSnapshot.PairState> out = new ArrayList<>(pairs.length);
        for (LevelPair p : pairs) {
            out.add(new GridSnapshot.PairState(p.index, p.holding, p.awaitingInventory, p.held, p.entryCost, p.entryFees, p.sold,
                    p.exitProceeds, p.exitFees, p.orderId, p.orderQuantity, p.orderFilled, p.retry.attempts(), p.retry.nextBar(), p.refusedAtPoint));
        }
        return out;
    }

    /** The last price the book saw (null before any), for the grid's saved state. */
    public BigDecimal lastObservedPrice() {
        return lastPrice;
    }

    /** How many prices the book has seen: a pair refused at one point waits for a later one. */
    public long pricePoint() {
        return pricePoint;
    }

    public GridSnapshot.PoolState poolState() {
        return new GridSnapshot.PoolState(pool.quantity, pool.cost, pool.fees);
    }

    public GridSnapshot.TaskState taskState() {
        return task == null ? null : new GridSnapshot.TaskState(task.side.name(), task.quantity, task.orderId, task.filled,
                task.retry.attempts(), task.retry.nextBar());
    }

    public Map<String, String> otherOrders() {
        Map<String, String> out = new LinkedHashMap<>();
        others.forEach((id, role) -> out.put(id, role.name()));
        return out;
    }

    /**
     * Puts back a snapshot's state. The ladder is attached later ({@link #attach}), once the instrument is
     * known: fills the engine applies while it reconciles already find their pairs.
     */
    public void restore(GridSnapshot s) {
        ladder = null;
        List<GridSnapshot.PairState> states = s.pairs() == null ? List.of() : s.pairs();
        pairs = new LevelPair[states.size()];
        pairByOrder.clear();
        for (GridSnapshot.PairState st : states) {
            LevelPair p = new LevelPair(st.index());
            p.holding = st.holding();
            p.awaitingInventory = st.awaitingInventory();
            p.held = st.held();
            p.entryCost = st.entryCost();
            p.entryFees = st.entryFees();
            p.sold = st.sold();
            p.exitProceeds = st.exitProceeds();
            p.exitFees = st.exitFees();
            p.orderId = st.orderId();
            p.orderQuantity = st.orderQuantity();
            p.orderFilled = st.orderFilled();
            p.retry.restore(st.retryAttempts(), st.retryAt());
            p.refusedAtPoint = st.refusedAtPoint() == null ? -1 : st.refusedAtPoint();
            pairs[st.index()] = p;
            if (p.orderId != null) pairByOrder.put(p.orderId, p.index);
        }
        lastPrice = s.lastPrice();
        pricePoint = s.pricePoint() == null ? 0 : s.pricePoint();
        pool.quantity = s.pool().quantity();
        pool.cost = s.pool().cost();
        pool.fees = s.pool().fees();
        GridSnapshot.TaskState t = s.task();
        task = null;
        if (t != null) {
            task = new InventoryTask(Side.valueOf(t.side()), t.quantity());
            task.orderId = t.orderId();
            task.filled = t.filled();
            task.retry.restore(t.retryAttempts(), t.retryAt());
        }
        others.clear();
        if (s.others() != null) s.others().forEach((id, role) -> others.put(id, Role.valueOf(role)));
        earliestDue = 0;
        waiting = 0;
        assignPending = false;
    }

    /** The ladder rebuilt from the restored config on the instrument. */
    public void attach(GridLadder restoredLadder, long number, String config) {
        ladder = restoredLadder;
        build = number;
        configCode = config;
        openTags = new String[0];
        closeTags = new String[0];
        assignDirections();
    }

    /**
     * Whether the restored book is the journal's truth: its working orders are exactly the grid's open
     * orders, and it counts what the account holds. A snapshot older than the last order or fill is not.
     */
    public boolean matches(java.util.Set<String> openGridOrders, BigDecimal accountHolding) {
        java.util.Set<String> mine = new java.util.HashSet<>(pairByOrder.keySet());
        mine.addAll(others.keySet());
        if (!mine.equals(openGridOrders)) return false;
        if (onPerpetual()) return bookedNet().compareTo(accountHolding) == 0;
        BigDecimal booked = pool.quantity;
        for (LevelPair p : pairs) booked = booked.add(p.held);
        return booked.compareTo(accountHolding.max(BigDecimal.ZERO)) == 0;
    }

    /** The number of the grid laid out now (0 before the first). */
    public long build() {
        return build;
    }

    /** A bootstrap (buy) or trim (sell) of inventory at market, retried until done. */
    private static final class InventoryTask {
        final Side side;
        final BigDecimal quantity;
        String orderId;
        BigDecimal filled = BigDecimal.ZERO;
        final RetryBackoff retry = new RetryBackoff();

        InventoryTask(Side side, BigDecimal quantity) {
            this.side = side;
            this.quantity = quantity;
        }
    }

    /**
     * Writes {@code trip} as its audit line ({@link GridStateCodec#TRIP_LINE}), where the bot keeps audit lines;
     * {@code from} says where the trip came from when not from the fill just applied (empty then).
     */
    public static void writeTripLine(StrategyContext ctx, GridRoundTrip trip, String from) {
        if (!ctx.keepsAudit()) return;
        ctx.audit(GridStateCodec.TRIP_LINE, "round trip of pair " + trip.pair() + from + ": profit " + trip.profit().toPlainString(),
                GridStateCodec.tripLine(ctx.symbol(), trip));
    }
}
