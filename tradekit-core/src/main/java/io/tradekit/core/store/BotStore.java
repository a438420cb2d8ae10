package io.tradekit.core.store;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.Order;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.StateStore;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.EquitySnapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link StateStore} of tradekit's own stores, with the queries that recovery, reconciliation and a
 * host make: the whole snapshot history (so that a loader can fall back past a bad snapshot), open orders,
 * fills by order, the journal's net positions, plus the config, candle cache and metrics tables.
 *
 * <p>Everything recorded through this store, including {@link #putConfig}, {@link #cacheCandles} and
 * {@link #recordMetrics}, follows the store's durability rule; a read sees every write made before it.
 */
public interface BotStore extends StateStore {

    /** Every kept snapshot, newest first, intact or not. */
    List<StoredSnapshot> snapshotHistory();

    /** Orders that are working at the venue or may be (not FILLED, CANCELED, REJECTED or EXPIRED), oldest first. */
    List<Order> openOrders();

    /** The fills of one order, in the order recorded. */
    List<Fill> fillsOf(String clientOrderId);

    /** Net quantity per symbol implied by every recorded fill (buys positive, sells negative). */
    Map<String, BigDecimal> journalPositions();

    /**
     * Journals a funding settlement of a perpetual position. Returns false, recording nothing, when the journal
     * already holds that symbol's settlement at that instant: each settlement counts once, however often a venue
     * reports it. Its answer is exact from the moment it returns, like {@link #recordFill}'s.
     */
    boolean recordFunding(FundingPayment payment);

    /** Every journaled funding settlement, in the order recorded. */
    List<FundingPayment> fundingPayments();

    /** Audit events at or after {@code from}, oldest first. */
    List<AuditEvent> eventsSince(Instant from);

    /** Equity snapshots at or after {@code from}, oldest first. */
    List<EquitySnapshot> equitySince(Instant from);

    void recordMetrics(MetricsSnapshot metrics);

    /** Metrics snapshots at or after {@code from}, oldest first. */
    List<MetricsSnapshot> metricsSince(Instant from);

    /** Sets one configuration value of the bot (the effective parameters it runs with, for example). */
    void putConfig(String key, String value);

    /**
     * Sets one configuration value stamped {@code at} rather than the wall clock's now: a bot on a data clock
     * (a replay) stamps what it journals with market time. A store that keeps no stamp ignores {@code at}.
     */
    default void putConfig(String key, String value, Instant at) {
        putConfig(key, value);
    }

    Optional<String> config(String key);

    /** Every configuration entry, by key. */
    Map<String, String> configEntries();

    /**
     * Runs {@code work} so that what it records commits in one transaction with the orders it writes ahead: a crash
     * keeps a fill together with the orders a strategy sent in answer to it, or neither. An order written ahead in
     * {@code work} is durable once this returns (and may be sent only then). A store whose writes are durable one by
     * one (or not at all) just runs it.
     */
    default void inOneCommit(Runnable work) {
        work.run();
    }

    /** Caches bars; a bar with the same symbol, timeframe and open time replaces the cached one. */
    void cacheCandles(List<Bar> bars);

    /** Cached bars of one series with {@code from <= openTime < to}, oldest first. */
    List<Bar> cachedCandles(String symbol, Timeframe timeframe, Instant from, Instant to);
}
