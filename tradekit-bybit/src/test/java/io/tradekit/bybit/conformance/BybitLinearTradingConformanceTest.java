package io.tradekit.bybit.conformance;

import io.tradekit.bybit.sim.Category;
import io.tradekit.conformance.TradingConformance;
import io.tradekit.conformance.VenueHarness;

/** The Bybit linear adapter against the conformance kit's {@link TradingConformance}, on the Bybit simulator. */
class BybitLinearTradingConformanceTest extends TradingConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BybitHarness(Category.LINEAR);
    }
}
