package io.tradekit.conformance.broken;

import io.tradekit.conformance.FaultConformance;
import io.tradekit.conformance.VenueHarness;

/** The broken adapter against {@link FaultConformance}; run by {@code BrokenAdapterFailsTheKitTest}, never on its own. */
public class BrokenFaultFixture extends FaultConformance {
    @Override
    protected VenueHarness startVenue() {
        return new BrokenHarness();
    }
}
