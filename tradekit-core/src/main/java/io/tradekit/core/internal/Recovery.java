package io.tradekit.core.internal;

import io.tradekit.api.Balance;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.core.ExitReason;
import io.tradekit.core.store.JournalClaim;
import io.tradekit.core.store.RecoveredState;
import io.tradekit.core.store.StateLoader;
import io.tradekit.core.store.UnrecoverableStateException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Brings a bot back to where it stopped, before it trades: positions from the journal's fills (the
 * record of what the venue did), orders from the journal, peak equity from the newest trustworthy snapshot,
 * strategy state from the journal (written with the fills and orders that changed it) or, in a journal
 * without it, from that snapshot; then it asks the venue about every order that was open or in flight and
 * for the fills missed while down, reports venue orders the bot does not know (and cancels them if told
 * to), and refuses to start when the venue's holding cannot be explained by the journal and those fills.
 *
 * <p>What the venue did while the bot was down reaches the strategy as it would have reached a bot that
 * stayed up: the strategy starts on the journal's view (its open orders still open), and only then are the
 * missed fills (each once, in the order they happened), the venue's answers for its orders, the orders that
 * vanished and the resends delivered through the bot's usual paths ({@link #deliverFills}, {@link #deliverOrders}).
 * A grid thus takes over an order that filled while it was down and answers the fill with its counter-order, as it would have live.
 */
final class Recovery {

    /** The venue's holding of the base asset when this bot first started: what the bot's own fills add to. */
    static final String BASELINE_KEY = "baseline.base.";

    /** How old a written-ahead order that never reached the venue may be and still be sent on restart. */
    static final java.time.Duration RESEND_WINDOW = java.time.Duration.ofMinutes(1);

    /** How far back a fresh start looks for fills of this bot at the venue, to notice a journal that was lost. */
    static final java.time.Duration VENUE_MEMORY = java.time.Duration.ofDays(1);

    private final BotEngine engine;
    private final RecoveryOptions options;
    private final List<String> notes = new ArrayList<>();
    /** When the oldest order was created whose journaled fills fall short of what its own record says it filled. */
    private Instant shortOfFillsSince;
    /** The latest journaled fill: the journal's position last changed then, so a liquidation of it came later. */
    private Instant lastFillAt;
    /** Where the venue's funding settlements the journal may lack begin: its latest one, or the bot's first order or fill. */
    private Instant fundedSince;
    /** The journal's fills by symbol, order and trade id: a venue fill among them was applied before. */
    private final Set<String> journaled = new HashSet<>();
    /** Gathered by {@link #reconcile}, delivered by {@link #deliverFills}, {@link #deliverOrders} once the strategy has started. */
    private final List<Fill> missed = new ArrayList<>();
    private final List<Order> venueAnswers = new ArrayList<>();
    private final List<Order> resends = new ArrayList<>();
    private final java.util.Map<String, String> vanished = new java.util.LinkedHashMap<>();

    Recovery(BotEngine engine, RecoveryOptions options) {
        this.engine = engine;
        this.options = options;
    }

    /** Rebuilds state from the store; returns the snapshot it used, if any. */
    Optional<BotSnapshot> load(Instrument instrument) {
        // The loader checks the journal reading only what its checks need; the positions are then rebuilt from every fill.
        RecoveredState state = StateLoader.load(engine.store);
        state.rejectedSnapshots().forEach(r -> notes.add("snapshot passed over: " + r));
        List<Order> all = engine.store.orders();
        List<Fill> journal = engine.store.fills();
        engine.orders.restore(all, journal);
        for (Order stored : all) {
            Order restored = engine.orders.get(stored.clientOrderId()).orElseThrow();
            if (!restored.equals(stored)) engine.store.updateOrder(restored); // an update lost in a crash, redone from the fills
            if (stored.filledQuantity().compareTo(restored.filledQuantity()) > 0
                    && (shortOfFillsSince == null || stored.createdAt().isBefore(shortOfFillsSince))) {
                // The venue's answer was journaled, its fill not (a kill between the two): the venue still has that fill.
                shortOfFillsSince = stored.createdAt();
            }
        }
        // A venue stamps fills on its own clock, which need not be the bot's (a paper venue on a feed's market time).
        for (Order o : all) if (fundedSince == null || o.createdAt().isBefore(fundedSince)) fundedSince = o.createdAt();
        for (Fill f : journal) {
            if (fundedSince == null || f.time().isBefore(fundedSince)) fundedSince = f.time();
            if (lastFillAt == null || f.time().isAfter(lastFillAt)) lastFillAt = f.time();
        }
        for (Fill fill : journal) {
            journaled.add(fillKey(fill));
            String tag = engine.orders.get(fill.clientOrderId()).map(io.tradekit.api.Order::tag).orElse("");
            engine.portfolio.apply(fill, engine.instrument(fill.symbol()), io.tradekit.core.ExitReason.ofOrderTag(tag));
        }
        engine.restoredFills(journal.size());
        // Funding and the margin extremes of every earlier run: the figures go on from there, not from zero.
        for (io.tradekit.api.FundingPayment payment : engine.store.fundingPayments()) {
            engine.portfolio.applyFunding(payment);
            // Journal writes survive as a prefix: any settlement the journal lacks came after the newest it holds.
            if (!payment.time().isBefore(fundedSince)) fundedSince = payment.time();
        }
        engine.marginWatch.restore(engine.store.configEntries());
        // The state journaled with the latest commit goes with the journal's orders and fills; a snapshot's may be older.
        Optional<String> journaledState = engine.store.config(BotEngine.STRATEGY_STATE_KEY);
        state.snapshot().ifPresent(s -> {
            engine.curve.restorePeak(s.peakEquity());
            if (journaledState.isEmpty()) LaneStates.restore(engine.lanes, s.strategyState());
        });
        journaledState.ifPresent(saved -> {
            LaneStates.restore(engine.lanes, saved);
            Optional<String> byPair = engine.store.config(BotEngine.STRATEGY_STATE_BARS_KEY);
            engine.strategyStateJournaled(saved, engine.store.config(BotEngine.STRATEGY_STATE_BAR_KEY).map(Instant::parse),
                    byPair.map(LaneStates::parseActedUpTo).orElse(java.util.Map.of()), byPair.orElse(null));
        });
        if (journaledState.isPresent() || state.snapshot().isPresent()) {
            // What a strategy wrote line by line (a grid's round trips) it reads back from the journal, not from its state.
            for (Lane lane : engine.lanes) lane.strategy.restoreAudit(engine.store::events);
        }
        return state.snapshot();
    }

    private static boolean neverSent(Order order) {
        return order.status() == io.tradekit.api.OrderStatus.PENDING_NEW || order.status() == io.tradekit.api.OrderStatus.UNKNOWN;
    }

    private static String fillKey(Fill fill) {
        return fill.symbol() + "\u0000" + fill.clientOrderId() + "\u0000" + fill.fillId();
    }

    /**
     * Asks the venue about every order the store holds as open or in flight and for the fills missed while down;
     * nothing of it is applied yet ({@link #deliverFills}, {@link #deliverOrders}). Venue orders the bot does not know
     * are reported (and cancelled if told to) now: they are no concern of the strategy.
     */
    void reconcile(List<Instrument> traded, Instant since) {
        Set<String> known = new HashSet<>();
        for (Order o : engine.orders.all()) known.add(o.clientOrderId());
        for (Order mine : engine.orders.openOrders()) {
            Optional<Order> atVenue = engine.venue.lookup(mine.symbol(), mine.clientOrderId());
            if (atVenue.isPresent()) {
                venueAnswers.add(atVenue.get());
            } else if (neverSent(mine) && !mine.createdAt().plus(RESEND_WINDOW).isBefore(engine.clock.now())) {
                // Written ahead, never arrived: the journal holds the intent, and the venue's answer proves it is
                // not there, so sending it now under the same client order id cannot make a duplicate.
                notes.add("order " + mine.clientOrderId() + " was written ahead but never reached the venue; sent now");
                resends.add(mine);
            } else {
                String why = "the venue has no order " + mine.clientOrderId() + (neverSent(mine)
                        ? ": the request never reached it, and it is too old to send now" : ": it vanished from the venue");
                vanished.put(mine.clientOrderId(), why);
                notes.add(why);
            }
        }
        Instant from = shortOfFillsSince != null && shortOfFillsSince.isBefore(since) ? shortOfFillsSince : since;
        Set<String> seen = new HashSet<>(journaled);
        for (Instrument instrument : traded) {
            for (Fill fill : engine.venue.fills(instrument.symbol(), from)) {
                if (known.contains(fill.clientOrderId()) && seen.add(fillKey(fill))) missed.add(fill);
            }
        }
        missed.sort(java.util.Comparator.comparing(Fill::time));
        if (!missed.isEmpty()) notes.add(missed.size() + " fill(s) that happened while the bot was down applied");
        for (Instrument instrument : traded) {
            if (instrument.isDerivative()) applyWhatTheVenueDidAlone(instrument, known);
        }
        for (Instrument instrument : traded) reportUnknownOrders(instrument, known);
    }

    /** Open venue orders the bot does not know; on an account shared by budget, only those under the bot's own id prefix. */
    private void reportUnknownOrders(Instrument instrument, Set<String> known) {
        String mine = OrderManager.clientIdPrefix(engine.config.botId()) + "-";
        for (Order theirs : engine.venue.openOrders(instrument.symbol())) {
            if (known.contains(theirs.clientOrderId())) continue;
            if (engine.allocation.isBudgeted() && !theirs.clientOrderId().startsWith(mine)) continue; // another bot's on the shared account
            String what = "venue order " + theirs.clientOrderId() + " (" + theirs.side() + " " + theirs.quantity().toPlainString()
                    + ") is not this bot's";
            engine.reportError("reconcile", ErrorCategory.ORDER_NOT_FOUND, RecoveryAction.SKIP,
                    what + (options.cancelUnknownOrders() ? "; cancelling it" : "; left alone"));
            if (options.cancelUnknownOrders()) engine.venue.cancel(theirs.symbol(), theirs.clientOrderId());
        }
    }

    /** Where this recovery's look at the venue's funding began (see {@link FundingWatch}); null for a bot that never traded. */
    Instant fundedSince() {
        return fundedSince;
    }

    /**
     * What a perpetual's venue does on its own, and may have done while the bot was down or before the bot journaled
     * it: liquidate the position with an order of its own (tagged {@code liquidation}), and settle funding. Each is
     * journaled and applied once, as if the bot had heard of it then.
     */
    private void applyWhatTheVenueDidAlone(Instrument instrument, Set<String> known) {
        String symbol = instrument.symbol();
        if (fundedSince == null) return; // a bot that never traded holds no position to liquidate or fund
        if (engine.portfolio.quantity(symbol).signum() != 0) adoptLiquidation(symbol, known);
        int funded = 0;
        for (io.tradekit.api.FundingPayment payment : engine.venue.fundingPayments(symbol, fundedSince)) {
            if (engine.onFunding(payment)) funded++;
        }
        if (funded > 0) notes.add(funded + " funding settlement(s) made while the bot was down journaled");
    }

    /** Applies the fills of a liquidation order of the venue's own made since the journal's last fill, adopting the order. */
    private void adoptLiquidation(String symbol, Set<String> known) {
        java.util.Map<String, Optional<Order>> theirs = new java.util.HashMap<>();
        for (Fill fill : engine.venue.fills(symbol, lastFillAt)) {
            String id = fill.clientOrderId();
            if (known.contains(id)) continue;
            Optional<Order> liquidation = theirs.computeIfAbsent(id, unknown -> engine.venue.lookup(symbol, unknown)
                    .filter(o -> ExitReason.ofOrderTag(o.tag()) == ExitReason.LIQUIDATION));
            // Not the venue's own order: reported with the venue's other unknown orders.
            if (liquidation.isEmpty()) continue;
            if (engine.orders.get(id).isEmpty()) notes.add("the venue liquidated the position with its order " + id + " before the bot journaled it");
            engine.onLiquidation(liquidation.get(), fill);
        }
    }

    /** The net base quantity of the fills {@link #reconcile} found missing from the journal (buys positive). */
    BigDecimal missedQuantity(String symbol) {
        BigDecimal net = BigDecimal.ZERO;
        for (Fill f : missed) if (f.symbol().equals(symbol)) net = net.add(f.side() == io.tradekit.api.Side.BUY ? f.quantity() : f.quantity().negate());
        return net;
    }

    /**
     * What the missed fills did to the account's cash, so that the strategy starts on the cash before them and hears
     * them move it once, as a bot that stayed up would have: a spot fill moves cash by its notional and fee, a
     * perpetual's by the PnL it realized against the position the journal holds and its fee. (A perpetual counted as
     * moving nothing would size the strategy's answer to a missed close on cash that holds that close's PnL twice.)
     */
    BigDecimal missedCash(Instrument instrument) {
        Portfolio scratch = new Portfolio(instrument.quoteAsset(), BigDecimal.ZERO);
        for (io.tradekit.api.Position held : engine.portfolio.positions()) {
            scratch.restore(held, Instant.EPOCH);
            scratch.setLeverage(held.symbol(), engine.portfolio.leverage(held.symbol()));
        }
        for (Fill f : missed) scratch.apply(f, engine.instrument(f.symbol()));
        return scratch.cash();
    }

    /** Delivers the missed fills {@link #reconcile} found (journal, account, strategy), after the strategy started. */
    void deliverFills() {
        for (Fill fill : missed) engine.applyFill(fill);
    }

    /**
     * Delivers the rest of what {@link #reconcile} gathered, after the missed fills: the venue's answers for the bot's
     * orders, the orders that vanished, and the orders written ahead that never arrived, sent now (a resend is answered
     * at once, so its fills come after the account was set to the venue's).
     */
    void deliverOrders() {
        // A lookup's answer is the venue's whole order: its status and fills, and a quantity an amend lowered while the bot was down.
        for (Order answer : venueAnswers) engine.orders.onLookup(answer, engine.clock.now()).ifPresent(engine::orderChanged);
        vanished.forEach((id, why) -> engine.orders.reject(id, engine.clock.now(), why).ifPresent(engine::orderChanged));
        for (Order order : resends) engine.resend(order);
    }

    /**
     * The venue's base holding must equal the holding when the bot first started plus the bot's fills (the journal's
     * and the missed ones); otherwise something traded that the bot cannot account for.
     */
    void checkPosition(Instrument instrument, List<Balance> balances, boolean freshStart) {
        BigDecimal missedBase = missedQuantity(instrument.symbol());
        io.tradekit.api.spi.StateStore bot = engine.store;
        // On an account shared by budget the venue's holding is every bot's: it cannot check this bot's fills.
        if (engine.allocation.isBudgeted()) return;
        if (freshStart && !options.adoptVenuePosition()) { // an adopting bot takes the venue as given: no need to ask it
            JournalClaim.refuseFreshJournalTheVenueContradicts(bot, OrderManager.clientIdPrefix(engine.config.botId()),
                    engine.venue.openOrders(instrument.symbol()), engine.venue.fills(instrument.symbol(), Instant.now().minus(VENUE_MEMORY)),
                    options.adoptVenuePosition());
        }
        // A perpetual's position is no balance of the base asset: the venue reports it as a position.
        Optional<io.tradekit.api.Position> venuePosition = instrument.isDerivative() ? engine.venue.position(instrument.symbol()) : Optional.empty();
        BigDecimal venueBase = instrument.isDerivative()
                ? venuePosition.map(io.tradekit.api.Position::quantity).orElse(BigDecimal.ZERO)
                : balances.stream().filter(b -> b.asset().equals(instrument.baseAsset())).map(Balance::total).findFirst().orElse(BigDecimal.ZERO);
        String key = BASELINE_KEY + instrument.baseAsset();
        Optional<String> baseline = bot.config(key);
        BigDecimal journal = engine.portfolio.quantity(instrument.symbol()).add(missedBase);
        if (baseline.isEmpty()) {
            if (!freshStart && journal.signum() != 0 && !options.adoptVenuePosition()) {
                throw new UnrecoverableStateException("the bot will not start: its journal holds a position of " + journal.toPlainString()
                        + " " + instrument.baseAsset() + " but no record of the venue's holding when it began; "
                        + "start it with adoptVenuePosition to take the venue's " + venueBase.toPlainString() + " as given");
            }
            bot.putConfig(key, venueBase.subtract(journal).toPlainString());
            return;
        }
        BigDecimal expected = new BigDecimal(baseline.get()).add(journal);
        if (expected.compareTo(venueBase) != 0) {
            if (!options.adoptVenuePosition()) {
                String mine = OrderManager.clientIdPrefix(engine.config.botId()) + "-";
                Instant since = engine.orders.all().stream().map(Order::createdAt).min(Instant::compareTo)
                        .orElse(Instant.now().minus(VENUE_MEMORY));
                List<Fill> lost = engine.venue.fills(instrument.symbol(), since).stream()
                        .filter(f -> f.clientOrderId().startsWith(mine) && engine.orders.get(f.clientOrderId()).isEmpty()).toList();
                if (!lost.isEmpty()) throw JournalClaim.journalLostOwnFills(bot, lost, venueBase.toPlainString() + " " + instrument.baseAsset(),
                        expected.toPlainString());
                throw new UnrecoverableStateException("the bot will not start: the venue holds " + venueBase.toPlainString() + " "
                        + instrument.baseAsset() + " but the journal explains " + expected.toPlainString() + " ("
                        + baseline.get() + " before the bot plus " + journal.toPlainString() + " from its fills); "
                        + "something traded that this bot did not. Investigate, or start it with adoptVenuePosition");
            }
            bot.putConfig(key, venueBase.subtract(journal).toPlainString());
            notes.add("adopted the venue's holding of " + venueBase.toPlainString() + " " + instrument.baseAsset());
        }
        venuePosition.ifPresent(this::noteTermsTheVenueHoldsOtherwise);
    }

    /**
     * The bot margins its position from its own fills; a venue that reports another entry price or leverage for the
     * same quantity (its own averaging, a leverage changed by hand) is named in the recovery note, so an operator sees
     * whose liquidation price differs and why.
     */
    private void noteTermsTheVenueHoldsOtherwise(io.tradekit.api.Position atVenue) {
        io.tradekit.api.Position mine = engine.portfolio.position(atVenue.symbol());
        if (mine.quantity().compareTo(atVenue.quantity()) != 0) return;
        if (mine.entryPrice().compareTo(atVenue.entryPrice()) == 0 && mine.leverage().compareTo(atVenue.leverage()) == 0) return;
        notes.add("the venue holds " + plain(atVenue.quantity()) + " " + atVenue.symbol() + " at entry " + plain(atVenue.entryPrice())
                + " and leverage " + plain(atVenue.leverage()) + ", the journal's fills at entry " + plain(mine.entryPrice())
                + " and leverage " + plain(mine.leverage()) + "; the bot margins its position from its fills");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    List<String> notes() {
        return notes;
    }

    /** What a host chose for the awkward cases of a restart. */
    record RecoveryOptions(boolean cancelUnknownOrders, boolean adoptVenuePosition) {
        static final RecoveryOptions DEFAULT = new RecoveryOptions(false, false);
    }
}
