package io.tradekit.binance.conformance;

import io.tradekit.conformance.StreamConformance;
import io.tradekit.conformance.VenueHarness;

/** The Binance adapter against the conformance kit's {@link StreamConformance}, on the Binance simulator. */
class BinanceStreamConformanceTest extends StreamConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BinanceHarness();
    }
}
