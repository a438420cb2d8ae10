package io.tradekit.bybit.conformance;

import io.tradekit.conformance.StreamConformance;
import io.tradekit.conformance.VenueHarness;

/** The Bybit spot adapter against the conformance kit's {@link StreamConformance}, on the Bybit simulator. */
class BybitStreamConformanceTest extends StreamConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BybitHarness();
    }
}
