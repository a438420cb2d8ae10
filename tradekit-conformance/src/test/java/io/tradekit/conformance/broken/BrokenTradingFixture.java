package io.tradekit.conformance.broken;

import io.tradekit.conformance.TradingConformance;
import io.tradekit.conformance.VenueHarness;

/** The broken adapter against {@link TradingConformance}; run by {@code BrokenAdapterFailsTheKitTest}, never on its own. */
public class BrokenTradingFixture extends TradingConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BrokenHarness();
    }
}
