package io.tradekit.bybit.conformance;

import io.tradekit.conformance.TradingConformance;
import io.tradekit.conformance.VenueHarness;

/** The Bybit spot adapter against the conformance kit's {@link TradingConformance}, on the Bybit simulator. */
class BybitTradingConformanceTest extends TradingConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BybitHarness();
    }
}
