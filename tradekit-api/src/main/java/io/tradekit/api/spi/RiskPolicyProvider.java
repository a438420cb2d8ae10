package io.tradekit.api.spi;

import io.tradekit.api.RiskLimits;

import java.util.Set;

/**
 * Makes the {@link RiskPolicy} that enforces some rules of {@link RiskLimits}; found through
 * {@link java.util.ServiceLoader}. A bot builds every provider that enforces a rule its limits name.
 */
public interface RiskPolicyProvider {

    /**
     * The policy's name.
     *
     * @return e.g. {@code max-drawdown}
     */
    String name();

    /**
     * The limits this provider enforces.
     *
     * @return limit names, e.g. {@link RiskLimits#MAX_DRAWDOWN}
     */
    Set<String> rules();

    /**
     * A new policy for a bot.
     *
     * @param limits the bot's limits, at least one of them among {@link #rules()}
     * @return the policy
     */
    RiskPolicy create(RiskLimits limits);
}
