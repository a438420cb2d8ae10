package io.tradekit.api.spi;

import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.Order;
import io.tradekit.api.Side;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.api.store.EquitySnapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A bot's durable journal: orders written ahead, fills applied once, funding settlements, audit events, equity,
 * snapshots and the bot's configuration entries. Called from the bot's loop thread; an implementation may write on
 * a thread of its own but {@link #writeAhead} must be durable when it returns, because the order leaves right after.
 *
 * <p>This is everything a restart reads: the journal of orders (by client order id) and fills rebuilds positions,
 * the open orders are looked up at the venue, funding settlements count once, the newest snapshot restores peak
 * equity and strategy state, and the configuration entries hold the bot's identity (a restart with another strategy
 * is refused) and the venue's holding when the bot began (a restart the venue contradicts is refused). A method
 * has a default only where the default is correct for every store.
 *
 * <p>A store says whether it is {@link #durable()}: a bot on a real-time clock (live or paper) resumes from its
 * journal after a restart, so a store given to it that is not durable is refused when the bot is built; a backtest
 * or a replay on a data clock may use one.
 *
 * <pre>{@code TradingBot bot = TradeKit.bot("btc-grid").store(myStore)...build();}</pre>
 */
public interface StateStore extends AutoCloseable {

    /**
     * Whether what this store records outlives the bot that recorded it (a restart of the process reads it back).
     *
     * @return false for a store that forgets when it is closed, such as one in memory for tests and backtests
     */
    boolean durable();

    /**
     * Makes the new order durable before it is sent.
     *
     * @param order the order as written ahead, before the venue has seen it
     */
    void writeAhead(Order order);

    /**
     * Records an order's new status or fill state.
     *
     * @param order the order as it stands now
     */
    void updateOrder(Order order);

    /**
     * Records a fill; false if the same trade of the same order (symbol, client order id, fill id) was recorded
     * before, and it must then not be applied again. A fill id alone is not enough: a venue that restarts numbers
     * its trades afresh.
     *
     * @param fill the venue's fill of one of this bot's orders
     * @return true if it was recorded now, false if it was recorded before
     */
    boolean recordFill(Fill fill);

    /**
     * Journals a funding settlement of a perpetual position. Returns false, recording nothing, when the journal
     * already holds that symbol's settlement at that instant: each settlement counts once, however often a venue
     * reports it. Its answer is exact from the moment it returns, like {@link #recordFill}'s.
     *
     * @param payment the settlement
     * @return true if it was recorded now, false if it was recorded before
     */
    boolean recordFunding(FundingPayment payment);

    /**
     * Every journaled funding settlement, in the order recorded.
     *
     * @return the settlements, oldest first
     */
    List<FundingPayment> fundingPayments();

    /**
     * Appends one line to the bot's audit journal.
     *
     * @param event what happened, who did it and why
     */
    void recordEvent(AuditEvent event);

    /**
     * Records the bot's equity at one moment.
     *
     * @param snapshot the equity and its parts at that moment
     */
    void recordEquity(EquitySnapshot snapshot);

    /**
     * Keeps a snapshot of the bot's state, a shortcut a restart may take over the fill journal.
     *
     * @param snapshot the state, with the number of fills it counts
     */
    void saveSnapshot(BotSnapshot snapshot);

    /**
     * The newest snapshot saved.
     *
     * @return the snapshot, or empty if none was ever saved
     */
    Optional<BotSnapshot> latestSnapshot();

    /**
     * Every order this bot ever wrote, oldest first.
     *
     * @return the orders as they stand now
     */
    List<Order> orders();

    /**
     * One order by its client order id.
     *
     * @param clientOrderId the id the bot gave the order
     * @return the order as it stands now, or empty if this bot never wrote it
     */
    Optional<Order> order(String clientOrderId);

    /**
     * Orders that are working at the venue or may be (not FILLED, CANCELED, REJECTED or EXPIRED): each is looked up
     * at the venue on a restart.
     *
     * @return the open orders, oldest first
     */
    default List<Order> openOrders() {
        return orders().stream().filter(o -> o.status().isOpen()).toList();
    }

    /**
     * Every fill, in the order recorded.
     *
     * @return the fill journal
     */
    List<Fill> fills();

    /**
     * The fills of one order, in the order recorded.
     *
     * @param clientOrderId the order's client order id
     * @return its fills, empty if it has none
     */
    default List<Fill> fillsOf(String clientOrderId) {
        return fills().stream().filter(f -> f.clientOrderId().equals(clientOrderId)).toList();
    }

    /**
     * Net quantity per symbol implied by every recorded fill (buys positive, sells negative).
     *
     * @return the journal's net quantity of each symbol it holds fills of
     */
    default Map<String, BigDecimal> journalPositions() {
        Map<String, BigDecimal> net = new TreeMap<>();
        for (Fill f : fills()) net.merge(f.symbol(), f.side() == Side.BUY ? f.quantity() : f.quantity().negate(), BigDecimal::add);
        return net;
    }

    /**
     * The most recent audit events, oldest first.
     *
     * @param limit how many at most
     * @return the newest {@code limit} events, oldest first
     */
    List<AuditEvent> events(int limit);

    /**
     * The most recent audit events of one type, oldest first: what a restarted strategy reads back of the lines it
     * wrote ({@link Strategy#restoreAudit}). The default reads every event and keeps those of {@code type}; a store
     * with many events should answer with a query of its own.
     *
     * @param type  the events' type, as written
     * @param limit how many at most
     * @return the newest {@code limit} events of {@code type}, oldest first
     */
    default List<AuditEvent> events(String type, int limit) {
        List<AuditEvent> ofType = events(Integer.MAX_VALUE).stream().filter(e -> e.type().equals(type)).toList();
        return ofType.subList(Math.max(0, ofType.size() - Math.max(0, limit)), ofType.size());
    }

    /**
     * Sets one configuration entry of the bot: its identity, the venue's holding when it began, the parameters it
     * runs with. A restart reads them back through {@link #config}.
     *
     * @param key   the entry's name
     * @param value its value
     */
    void putConfig(String key, String value);

    /**
     * Sets one configuration value stamped {@code at} rather than the wall clock's now: a bot on a data clock
     * (a replay) stamps what it journals with market time. A store that keeps no stamp ignores {@code at}.
     *
     * @param key   the entry's name
     * @param value its value
     * @param at    the time to stamp it with
     */
    default void putConfig(String key, String value, Instant at) {
        putConfig(key, value);
    }

    /**
     * One configuration entry.
     *
     * @param key the entry's name
     * @return its value, or empty if it was never set
     */
    Optional<String> config(String key);

    /**
     * Every configuration entry, by key.
     *
     * @return the entries
     */
    Map<String, String> configEntries();

    /**
     * Runs {@code work} so that what it records commits in one transaction with the orders it writes ahead: a crash
     * keeps a fill together with the orders a strategy sent in answer to it, or neither. An order written ahead inside
     * {@code work} is durable once this returns: the engine sends it to the venue only then. A store whose writes are
     * durable one by one (or not at all) just runs it, which is what this default does.
     *
     * @param work what to record as one commit
     */
    default void inOneCommit(Runnable work) {
        work.run();
    }

    /** Blocks until everything recorded so far is durable. */
    void flush();

    /** Makes everything durable and releases the store; the store is not used after. */
    @Override
    void close();
}
