package io.tradekit.api.spi;

import io.tradekit.api.RiskLimits;

import java.util.Set;

/**
 * Makes the {@link RiskPolicy} that enforces some rules of {@link RiskLimits}; found through
 * {@link java.util.ServiceLoader}. A bot builds every provider that enforces a rule its limits name.
 */
public interface RiskPolicyProvider {

    String name();

    /** The limit names (e.g. {@link RiskLimits#MAX_DRAWDOWN}) this provider enforces. */
    Set<String> rules();

    RiskPolicy create(RiskLimits limits);
}
