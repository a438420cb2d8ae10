/**
 * Events in and out of a bot's loop. {@link io.tradekit.api.event.Event} is what reaches the loop from outside
 * (bars, tickers, order books, order updates, fills, connection changes, errors, timers): an
 * {@link io.tradekit.api.spi.ExchangeAdapter} posts them to the {@link io.tradekit.api.event.EventSink} it was
 * given and never calls strategy code itself. {@link io.tradekit.api.event.BotEvent} is what a bot tells its
 * host (orders sent, denied and changed, fills applied, state changes, risk alerts, errors), delivered in order
 * on the bot's loop thread to the listeners the host added.
 */
package io.tradekit.api.event;
