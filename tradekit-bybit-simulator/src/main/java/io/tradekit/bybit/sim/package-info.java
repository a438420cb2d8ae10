/**
 * A Bybit v5 venue, spot or linear perpetuals, on loopback: {@link io.tradekit.bybit.sim.BybitSimulator}. Its own artifact, so
 * that the production adapter jar carries none of it. It parses requests and checks signatures with its
 * own code, never the adapter's: a bug shared by both sides would pass unseen.
 */
package io.tradekit.bybit.sim;
