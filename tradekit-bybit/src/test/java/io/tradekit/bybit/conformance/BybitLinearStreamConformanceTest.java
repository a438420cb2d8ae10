package io.tradekit.bybit.conformance;

import io.tradekit.bybit.sim.Category;
import io.tradekit.conformance.StreamConformance;
import io.tradekit.conformance.VenueHarness;

/** The Bybit linear adapter against the conformance kit's {@link StreamConformance}, on the Bybit simulator. */
class BybitLinearStreamConformanceTest extends StreamConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BybitHarness(Category.LINEAR);
    }
}
