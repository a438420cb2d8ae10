/**
 * The control plane: one JVM supervising a fleet of bots behind a REST API, a WebSocket, Prometheus metrics and a
 * browser dashboard, with login, roles and tenants checked on the server.
 *
 * <p>Start with {@link io.tradekit.control.ControlPlane#builder()}: add users ({@link io.tradekit.control.Role},
 * hashes from {@link io.tradekit.control.Passwords}) and bots ({@link io.tradekit.control.BotSpec}, each with a
 * {@link io.tradekit.control.BotLauncher}), then {@code start()}. The host reaches the same supervisor through
 * {@link io.tradekit.control.Fleet}, whose {@link io.tradekit.control.FleetEntry} reports each bot's
 * {@link io.tradekit.control.BotStatus}. Everything under {@code io.tradekit.control.internal} is not API.
 */
package io.tradekit.control;
