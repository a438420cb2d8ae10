package io.tradekit.config;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RiskLimits;
import io.tradekit.core.protection.Protections;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configuration's risk object carries the protections beside the limits, with the command line's names. */
class ProtectionSettingsTest {

    private static RiskLimits risk(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) values.put(pairs[i], pairs[i + 1]);
        return new RiskLimits(values);
    }

    @Test
    void stopLossTakeProfitAndTrailingComeOutOfTheRiskObjectAndTheLimitsStayForThePolicies() {
        RiskLimits given = risk("max-drawdown", "0.05", "stop-loss", "0.02", "take-profit-rr", "2", "trailing-stop", "0.03");

        Protections p = ProtectionSettings.from(given);

        assertThat(p.stopLoss()).hasValueSatisfying(d -> assertThat(d.describe()).isEqualTo("2%"));
        assertThat(p.takeProfitRatio()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo(new BigDecimal("2")));
        assertThat(p.trailing()).hasValueSatisfying(d -> assertThat(d.describe()).isEqualTo("3%"));
        assertThat(ProtectionSettings.limitsOnly(given).rules()).containsExactly("max-drawdown");
    }

    @Test
    void aTakeProfitWithoutAStopOrAStopOutsideZeroToOneIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ProtectionSettings.from(risk("take-profit-rr", "2")))
                .isInstanceOf(InvalidInputException.class).hasMessage("risk.take-profit-rr needs risk.stop-loss: the take-profit is a multiple of the stop distance");
        assertThatThrownBy(() -> ProtectionSettings.from(risk("stop-loss", "2")))
                .isInstanceOf(InvalidInputException.class).hasMessage("risk.stop-loss is 2, expected a fraction between 0 and 1 (0.02 = 2 %)");
        assertThatThrownBy(() -> ProtectionSettings.from(risk("trailing-stop", "abc")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("risk.trailing-stop is 'abc', expected a decimal number");
    }
}
