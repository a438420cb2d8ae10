package io.tradekit.core.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.Event;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.core.store.BotStore;
import io.tradekit.core.store.UnrecoverableStateException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bars that closed at the venue while a live bot was down: those after the last bar its journal marks as acted on
 * ({@link BotEngine#journaledBarMark}), read from the venue's closed-bar history ({@link ExchangeAdapter#history}) and fed
 * to the bot in open-time order (pairs closing together in the bot's pair order), each once, after it has started and
 * reconciled and before its live stream, so that the strategy acts on each of them as it would have live, its orders
 * going to the venue as a live bot's do. A restart that missed more than {@code maxBars} of one pair is refused before
 * the bot starts: acting on a long backlog is an operator's decision ({@code maxCatchUpBars}), not a default.
 *
 * <pre>{@code MissedBars missed = MissedBars.since(venue, pairs, timeframe, lastActedOn, 100); // refuses a longer backlog
 * engine.start(...);
 * missed.feed(engine, journal); // and what closed while it started}</pre>
 */
public final class MissedBars {

    /** How many missed bars of one pair a restart acts on unless told otherwise. */
    public static final int DEFAULT_MAX_BARS = 100;

    private final ExchangeAdapter venue;
    private final List<String> pairs;
    private final Timeframe timeframe;
    private final Instant lastActedOn;
    private final List<Bar> fetched;

    private MissedBars(ExchangeAdapter venue, List<String> pairs, Timeframe timeframe, Instant lastActedOn, List<Bar> fetched) {
        this.venue = venue;
        this.pairs = List.copyOf(pairs);
        this.timeframe = timeframe;
        this.lastActedOn = lastActedOn;
        this.fetched = fetched;
    }

    /**
     * Reads the bars of each pair that closed after {@code lastActedOn} (a bar's close time) up to the venue's now.
     *
     * @throws UnrecoverableStateException when more than {@code maxBars} of one pair closed since, naming how many and the setting
     */
    public static MissedBars since(ExchangeAdapter venue, List<String> pairs, Timeframe timeframe, Instant lastActedOn, int maxBars) {
        List<Bar> fetched = new ArrayList<>();
        for (String pair : pairs) {
            List<Bar> closed = closedSince(venue, pair, timeframe, lastActedOn);
            if (closed.size() > maxBars) {
                throw new UnrecoverableStateException("the bot will not start: " + closed.size() + " " + pair + " " + timeframe
                        + " bars closed since the last one it acted on (closing " + lastActedOn + "), more than the " + maxBars
                        + " a restart catches up; to act on all of them in order, raise maxCatchUpBars (engine.maxCatchUpBars in a "
                        + "configuration) to at least " + closed.size());
            }
            fetched.addAll(closed);
        }
        return new MissedBars(venue, pairs, timeframe, lastActedOn, fetched);
    }

    /**
     * Feeds the missed bars to the bot, on its loop, with the ones that closed since {@link #since} read them (the bot
     * started meanwhile); each goes to the journal's candle cache ({@code cache}, may be null) as a live bar does.
     * Returns how many bars were fed.
     */
    public int feed(BotEngine engine, BotStore cache) {
        List<Bar> missed = new ArrayList<>(fetched);
        for (String pair : pairs) {
            Instant after = lastActedOn;
            for (Bar b : fetched) if (b.symbol().equals(pair) && b.closeTime().isAfter(after)) after = b.closeTime();
            missed.addAll(closedSince(venue, pair, timeframe, after));
        }
        // Stable: pairs whose bars close together keep the bot's pair order, as its live stream gives them.
        missed.sort(Comparator.comparing(Bar::openTime));
        if (missed.isEmpty()) return 0;
        if (cache != null) cache.cacheCandles(missed);
        for (Bar bar : missed) engine.handle(new Event.BarClosed(bar));
        engine.audit("recovery", "engine", missed.size() + " bar(s) that closed while the bot was down acted on, from "
                + missed.getFirst().openTime() + " to " + missed.getLast().closeTime(), "{}");
        return missed.size();
    }

    private static List<Bar> closedSince(ExchangeAdapter venue, String pair, Timeframe timeframe, Instant after) {
        Instant now = venue.serverTime();
        if (!after.isBefore(now)) return List.of();
        // history gives the bars opening at or after `after` that have closed by now: the next bar opens where the last one closed.
        return venue.history(pair, timeframe, after, now);
    }
}
