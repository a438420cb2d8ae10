package io.tradekit.core.internal;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.core.Plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns a bot's limits into the policies that enforce them; refuses a limit nobody enforces. */
public final class RiskPolicies {

    private RiskPolicies() {
    }

    public static List<RiskPolicy> forLimits(RiskLimits limits, Plugins plugins, String botId) {
        List<RiskPolicy> policies = new ArrayList<>();
        Set<String> unenforced = new TreeSet<>(limits.rules());
        for (RiskPolicyProvider provider : plugins.riskProviders()) {
            if (provider.rules().stream().anyMatch(limits::has)) {
                policies.add(provider.create(limits));
                unenforced.removeAll(provider.rules());
            }
        }
        if (!unenforced.isEmpty()) {
            throw new InvalidInputException("bot '" + botId + "': no risk policy on the classpath enforces " + unenforced
                    + "; enforced rules are " + (plugins.enforcedRules().isEmpty() ? "none (add tradekit-risk to the classpath)"
                    : plugins.enforcedRules()) + ". A limit is never silently ignored.");
        }
        return policies;
    }
}
