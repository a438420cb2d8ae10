package io.tradekit.bybit.conformance;

import io.tradekit.conformance.BotRunConformance;
import io.tradekit.conformance.VenueHarness;

/** The Bybit spot adapter against the conformance kit's {@link BotRunConformance}, on the Bybit simulator. */
class BybitBotRunConformanceTest extends BotRunConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BybitHarness();
    }
}
