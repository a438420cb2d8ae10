package io.tradekit.binance.conformance;

import io.tradekit.conformance.BotRunConformance;
import io.tradekit.conformance.VenueHarness;

/** The Binance adapter against the conformance kit's {@link BotRunConformance}, on the Binance simulator. */
class BinanceBotRunConformanceTest extends BotRunConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BinanceHarness();
    }
}
