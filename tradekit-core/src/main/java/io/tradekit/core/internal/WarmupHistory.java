package io.tradekit.core.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.core.store.BotStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bars a live bot warms up on: from its journal's candle cache when the cache holds an unbroken run from the
 * start of the warmup window, with only the bars after the cached ones asked of the venue; otherwise all of them
 * from the venue. What the venue sends that has closed goes into the cache, so a restart does not download it again.
 */
public final class WarmupHistory {

    private WarmupHistory() {
    }

    /**
     * @param cache the bot's journal, or null when it has no candle cache
     * @param bars  how many closed bars the strategy needs
     */
    public static List<Bar> load(ExchangeAdapter venue, BotStore cache, String symbol, Timeframe timeframe, int bars, Instant now) {
        Instant from = now.minus(timeframe.duration().multipliedBy(bars + 1L));
        if (cache == null) return venue.history(symbol, timeframe, from, now);
        List<Bar> cached = cache.cachedCandles(symbol, timeframe, from, now);
        Instant fetchFrom = unbroken(cached, from, timeframe) ? cached.getLast().openTime().plus(timeframe.duration()) : from;
        List<Bar> fetched = fetchFrom.isBefore(now) ? venue.history(symbol, timeframe, fetchFrom, now) : List.of();
        List<Bar> closed = fetched.stream().filter(b -> !b.closeTime().isAfter(now)).toList();
        if (!closed.isEmpty()) cache.cacheCandles(closed);
        if (fetchFrom.equals(from)) return fetched;
        List<Bar> all = new ArrayList<>(cached);
        all.addAll(fetched);
        return all;
    }

    /** Whether the cached bars start within a bar of {@code from} and follow each other without a gap. */
    private static boolean unbroken(List<Bar> cached, Instant from, Timeframe timeframe) {
        if (cached.isEmpty() || cached.getFirst().openTime().isAfter(from.plus(timeframe.duration()))) return false;
        for (int i = 1; i < cached.size(); i++) {
            if (!cached.get(i).openTime().equals(cached.get(i - 1).openTime().plus(timeframe.duration()))) return false;
        }
        return true;
    }
}
