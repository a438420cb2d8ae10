package io.tradekit.bybit.conformance;

import io.tradekit.bybit.sim.Category;
import io.tradekit.conformance.FaultConformance;
import io.tradekit.conformance.VenueHarness;

/** The Bybit linear adapter against the conformance kit's {@link FaultConformance}, on the Bybit simulator. */
class BybitLinearFaultConformanceTest extends FaultConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BybitHarness(Category.LINEAR);
    }
}
