package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;

import io.tradekit.api.spi.LimitUsage;

import java.util.List;
import java.util.ServiceLoader;

/** Creates policies the way the engine does: the registered provider that enforces a rule, given the limits. */
final class Policies {

    private Policies() {
    }

    static RiskPolicy enforcing(String rule, RiskLimits limits) {
        for (RiskPolicyProvider p : ServiceLoader.load(RiskPolicyProvider.class)) {
            if (p.rules().contains(rule)) return p.create(limits);
        }
        throw new AssertionError("no registered provider enforces " + rule);
    }

    /** Usage as "rule current/limit" with plain numbers, so that assertions do not depend on BigDecimal scale. */
    static List<String> show(List<LimitUsage> usage) {
        return usage.stream().map(u -> u.rule() + " " + u.current().stripTrailingZeros().toPlainString()
                + "/" + u.limit().stripTrailingZeros().toPlainString()).toList();
    }
}
