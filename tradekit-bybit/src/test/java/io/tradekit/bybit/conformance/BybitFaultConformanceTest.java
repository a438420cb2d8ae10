package io.tradekit.bybit.conformance;

import io.tradekit.conformance.FaultConformance;
import io.tradekit.conformance.VenueHarness;

/** The Bybit spot adapter against the conformance kit's {@link FaultConformance}, on the Bybit simulator. */
class BybitFaultConformanceTest extends FaultConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BybitHarness();
    }
}
