package io.tradekit.bybit.conformance;

import io.tradekit.bybit.sim.Category;
import io.tradekit.conformance.PerpetualConformance;
import io.tradekit.conformance.VenueHarness;

/** The Bybit linear adapter against the conformance kit's {@link PerpetualConformance}, on the Bybit simulator's linear venue. */
class BybitLinearPerpetualConformanceTest extends PerpetualConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BybitHarness(Category.LINEAR);
    }
}
