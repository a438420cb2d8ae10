package io.tradekit.core.store;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.StateStore;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.EquitySnapshot;

import java.time.Instant;
import java.util.List;

/**
 * The {@link StateStore} of tradekit's own stores, with what a host's reports and a restart's extras read beyond
 * the contract: the whole snapshot history (so that a loader can fall back past a bad snapshot rather than only
 * use the newest), audit events, equity and metrics since a time, and the candle cache a live bot warms up from.
 *
 * <p>Everything recorded through this store, including {@link #cacheCandles} and {@link #recordMetrics}, follows
 * the store's durability rule; a read sees every write made before it.
 */
public interface BotStore extends StateStore {

    /**
     * Every kept snapshot, intact or not, so that a loader can pass over a damaged or inconsistent one.
     *
     * @return the snapshots, newest first
     */
    List<StoredSnapshot> snapshotHistory();

    /**
     * Audit events at or after {@code from}.
     *
     * @param from the earliest time to include
     * @return the events, oldest first
     */
    List<AuditEvent> eventsSince(Instant from);

    /**
     * Equity snapshots at or after {@code from}.
     *
     * @param from the earliest time to include
     * @return the snapshots, oldest first
     */
    List<EquitySnapshot> equitySince(Instant from);

    /**
     * Records the bot's operational metrics at one moment.
     *
     * @param metrics the sample
     */
    void recordMetrics(MetricsSnapshot metrics);

    /**
     * Metrics snapshots at or after {@code from}.
     *
     * @param from the earliest time to include
     * @return the samples, oldest first
     */
    List<MetricsSnapshot> metricsSince(Instant from);

    /**
     * Caches bars; a bar with the same symbol, timeframe and open time replaces the cached one.
     *
     * @param bars the closed bars to keep
     */
    void cacheCandles(List<Bar> bars);

    /**
     * Cached bars of one series with {@code from <= openTime < to}.
     *
     * @param symbol    the series' symbol
     * @param timeframe the series' timeframe
     * @param from      the earliest open time to include
     * @param to        the open time to stop before
     * @return the bars, oldest first
     */
    List<Bar> cachedCandles(String symbol, Timeframe timeframe, Instant from, Instant to);
}
