package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.spi.RiskPolicyProvider;

import java.util.TreeSet;

/** The error for a provider created from limits that name none of its rules. */
final class ProviderLimits {

    private ProviderLimits() {
    }

    static InvalidInputException missing(RiskPolicyProvider provider) {
        return new InvalidInputException("risk policy '" + provider.name() + "' was created from limits that set none of "
                + new TreeSet<>(provider.rules()));
    }
}
