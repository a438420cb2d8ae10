package io.tradekit.conformance.broken;

import io.tradekit.conformance.StreamConformance;
import io.tradekit.conformance.VenueHarness;

/** The broken adapter against {@link StreamConformance}; run by {@code BrokenAdapterFailsTheKitTest}, never on its own. */
public class BrokenStreamFixture extends StreamConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BrokenHarness();
    }
}
