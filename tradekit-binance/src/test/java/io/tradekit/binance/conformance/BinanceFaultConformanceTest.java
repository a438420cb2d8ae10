package io.tradekit.binance.conformance;

import io.tradekit.conformance.FaultConformance;
import io.tradekit.conformance.VenueHarness;

/** The Binance adapter against the conformance kit's {@link FaultConformance}, on the Binance simulator. */
class BinanceFaultConformanceTest extends FaultConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BinanceHarness();
    }
}
