package io.tradekit.advisor.rules;

import io.tradekit.advisor.ProposalSource;
import io.tradekit.advisor.ProposalSourceProvider;
import io.tradekit.advisor.optimize.RangeAxis;
import io.tradekit.api.Params;
import io.tradekit.core.Plugins;

import java.time.Duration;
import java.util.Set;

/**
 * Makes {@link SmaCrossWalkForwardSource} under the name {@code sma-cross-walk-forward}. Settings: {@code fast}
 * (default {@code 2..50}), {@code slow} (default {@code 10..200}), {@code trials} per fold (default 40), {@code folds}
 * (default 3), {@code ttl-minutes} (default 1440). Strategies are found on this library's class loader.
 */
public final class SmaCrossWalkForwardProvider implements ProposalSourceProvider {

    /** Used by {@link java.util.ServiceLoader}, which needs a public no-argument constructor; the provider holds no state. */
    public SmaCrossWalkForwardProvider() {
    }

    @Override
    public String name() {
        return SmaCrossWalkForwardSource.NAME;
    }

    @Override
    public ProposalSource create(Params settings) {
        Params p = settings.requireOnly(Set.of("fast", "slow", "trials", "folds", "ttl-minutes"));
        return new SmaCrossWalkForwardSource(Plugins.discover(SmaCrossWalkForwardProvider.class.getClassLoader()),
                RangeAxis.parse("fast", p.text("fast", "2..50")), RangeAxis.parse("slow", p.text("slow", "10..200")),
                p.integer("trials", 40), p.integer("folds", 3), Duration.ofMinutes(p.longValue("ttl-minutes", 1440)));
    }
}
