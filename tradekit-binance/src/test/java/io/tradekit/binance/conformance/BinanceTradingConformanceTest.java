package io.tradekit.binance.conformance;

import io.tradekit.conformance.TradingConformance;
import io.tradekit.conformance.VenueHarness;

/** The Binance adapter against the conformance kit's {@link TradingConformance}, on the Binance simulator. */
class BinanceTradingConformanceTest extends TradingConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BinanceHarness();
    }
}
