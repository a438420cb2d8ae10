package io.tradekit.kraken.sim;

import io.tradekit.conformance.TradingConformance;
import io.tradekit.conformance.VenueHarness;

/** The Kraken adapter against the conformance kit's {@link TradingConformance}, on the Kraken simulator. */
class KrakenTradingConformanceTest extends TradingConformance {
    @Override
    protected VenueHarness startVenue() {
        return new KrakenHarness();
    }
}
