package io.tradekit.kraken.sim;

import io.tradekit.conformance.StreamConformance;
import io.tradekit.conformance.VenueHarness;

/** The Kraken adapter against the conformance kit's {@link StreamConformance}, on the Kraken simulator. */
class KrakenStreamConformanceTest extends StreamConformance {
    @Override
    protected VenueHarness startVenue() {
        return new KrakenHarness();
    }
}
