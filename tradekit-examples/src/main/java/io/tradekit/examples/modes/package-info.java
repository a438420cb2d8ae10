/**
 * The long-running modes of the command line, {@code paper}, {@code live} and {@code dry-run}:
 * {@link io.tradekit.examples.modes.TradingSession} opens a bot from its configuration, runs it and writes its
 * report ({@link io.tradekit.examples.modes.SessionResult}); a dry run trades against a
 * {@link io.tradekit.examples.modes.DryRunExchange}, which records {@link io.tradekit.examples.modes.WouldBeOrder}s
 * instead of sending them. {@link io.tradekit.examples.modes.SessionLauncher} and
 * {@link io.tradekit.examples.modes.AttachedSession} put sessions on a control plane's dashboard, and
 * {@link io.tradekit.examples.modes.RunReport} makes the report of a run.
 */
package io.tradekit.examples.modes;
