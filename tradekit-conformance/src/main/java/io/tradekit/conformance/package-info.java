/**
 * The adapter conformance kit: JUnit 5 test classes that every {@link io.tradekit.api.spi.ExchangeAdapter}, ours
 * or a user's, runs against a simulator of its venue. A venue's test sources implement
 * {@link io.tradekit.conformance.VenueHarness} (and its {@link io.tradekit.conformance.VenueFaults}) over the
 * simulator, then subclass each kit class with a {@code startVenue()} that returns a new harness:
 * {@link io.tradekit.conformance.TradingConformance} (requests and signing),
 * {@link io.tradekit.conformance.StreamConformance} (streams, reconnects, malformed messages),
 * {@link io.tradekit.conformance.FaultConformance} (unknown outcomes, rate limits, clock skew),
 * {@link io.tradekit.conformance.BotRunConformance} (a whole bot through dropped connections) and, for a
 * perpetuals venue, {@link io.tradekit.conformance.PerpetualConformance}. A fault hook the simulator lacks
 * skips the tests that need it, naming the hook, rather than passing them.
 *
 * <pre>{@code
 * class AcmeTradingConformanceTest extends TradingConformance {
 *     protected VenueHarness startVenue() { return new AcmeHarness(); }
 * }}</pre>
 */
package io.tradekit.conformance;
