package io.tradekit.kraken.sim;

import io.tradekit.conformance.BotRunConformance;
import io.tradekit.conformance.VenueHarness;

/** The Kraken adapter against the conformance kit's {@link BotRunConformance}, on the Kraken simulator. */
class KrakenBotRunConformanceTest extends BotRunConformance {
    @Override
    protected VenueHarness startVenue() {
        return new KrakenHarness();
    }
}
