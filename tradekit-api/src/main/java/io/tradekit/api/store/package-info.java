/**
 * The records a {@link io.tradekit.api.spi.StateStore} keeps besides orders and fills: the audit journal's
 * lines ({@link io.tradekit.api.store.AuditEvent}), equity marks ({@link io.tradekit.api.store.EquitySnapshot})
 * and whole-bot snapshots ({@link io.tradekit.api.store.BotSnapshot}) that a restarted bot resumes from.
 */
package io.tradekit.api.store;
