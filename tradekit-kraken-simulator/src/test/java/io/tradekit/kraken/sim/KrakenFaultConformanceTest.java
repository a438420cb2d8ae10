package io.tradekit.kraken.sim;

import io.tradekit.conformance.FaultConformance;
import io.tradekit.conformance.VenueHarness;

/** The Kraken adapter against the conformance kit's {@link FaultConformance}, on the Kraken simulator. */
class KrakenFaultConformanceTest extends FaultConformance {
    @Override
    protected VenueHarness startVenue() {
        return new KrakenHarness();
    }
}
