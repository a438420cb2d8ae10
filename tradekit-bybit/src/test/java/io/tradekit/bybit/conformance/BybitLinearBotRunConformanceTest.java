package io.tradekit.bybit.conformance;

import io.tradekit.bybit.sim.Category;
import io.tradekit.conformance.BotRunConformance;
import io.tradekit.conformance.VenueHarness;

/** The Bybit linear adapter against the conformance kit's {@link BotRunConformance}, on the Bybit simulator. */
class BybitLinearBotRunConformanceTest extends BotRunConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BybitHarness(Category.LINEAR);
    }
}
