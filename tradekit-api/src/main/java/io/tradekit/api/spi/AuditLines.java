package io.tradekit.api.spi;

import io.tradekit.api.store.AuditEvent;

import java.util.List;

/**
 * The audit lines of a bot's journal, as a restarted strategy reads back the ones it wrote
 * ({@link Strategy#restoreAudit}).
 */
@FunctionalInterface
public interface AuditLines {

    /**
     * The newest lines of one type, oldest first. Lines a journal's retention pruned are gone.
     *
     * @param type  the type the lines were written with ({@link StrategyContext#audit})
     * @param limit how many at most
     * @return at most {@code limit} lines of {@code type}, oldest first
     */
    List<AuditEvent> latest(String type, int limit);
}
