package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.risk.internal.LimitValues;

import java.util.Set;
import java.util.TreeSet;

/**
 * What every provider of this module shares: a name, the rules it enforces, the limits read and checked with one
 * {@link LimitValues} (so a bad value is worded the same by every provider), and the one error for limits that set
 * none of its rules. A provider is then its name, its rules and how it makes its policy from the values.
 */
abstract class LimitPolicyProvider implements RiskPolicyProvider {

    private final String name;
    private final Set<String> rules;

    LimitPolicyProvider(String name, String... rules) {
        this.name = name;
        this.rules = Set.of(rules);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> rules() {
        return rules;
    }

    @Override
    public final RiskPolicy create(RiskLimits limits) {
        return policy(new LimitValues(limits), limits);
    }

    /** The policy the limits ask for; throws {@link #missing()} when they set none of its rules. */
    abstract RiskPolicy policy(LimitValues values, RiskLimits limits);

    /** The error for a provider created from limits that name none of its rules. */
    final InvalidInputException missing() {
        return new InvalidInputException("risk policy '" + name + "' was created from limits that set none of " + new TreeSet<>(rules));
    }
}
