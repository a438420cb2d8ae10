package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicyProvider;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderRegistrationTest {

    private static List<RiskPolicyProvider> providers() {
        List<RiskPolicyProvider> all = new ArrayList<>();
        ServiceLoader.load(RiskPolicyProvider.class).forEach(all::add);
        return all;
    }

    private static List<String> limitConstants() throws IllegalAccessException {
        List<String> rules = new ArrayList<>();
        for (Field f : RiskLimits.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) rules.add((String) f.get(null));
        }
        return rules;
    }

    @Test
    void everyRiskLimitsRuleIsEnforcedByARegisteredProvider() throws IllegalAccessException {
        List<String> enforced = providers().stream().flatMap(p -> p.rules().stream()).toList();
        List<String> rules = limitConstants();
        assertThat(rules).as("the constants were found").contains(RiskLimits.MAX_DRAWDOWN, RiskLimits.DAY_BOUNDARY_HOUR);
        assertThat(enforced).containsAll(rules);
    }

    @Test
    void noRuleIsEnforcedTwiceAndProviderNamesAreUnique() {
        Map<String, String> owner = new HashMap<>();
        for (RiskPolicyProvider p : providers()) {
            for (String rule : p.rules()) {
                assertThat(owner.put(rule, p.name())).as("rule %s", rule).isNull();
            }
        }
        assertThat(providers().stream().map(RiskPolicyProvider::name).distinct().count()).isEqualTo(providers().size());
    }

    @Test
    void eachProviderBuildsAPolicyNamedLikeItself() {
        RiskLimits all = RiskLimits.builder()
                .maxDailyLoss(new java.math.BigDecimal("500")).maxDrawdown(new java.math.BigDecimal("0.1"))
                .maxPosition(new java.math.BigDecimal("0.5")).maxPositionBase(new java.math.BigDecimal("1"))
                .maxOrderNotional(new java.math.BigDecimal("1000")).maxOpenOrders(10)
                .maxConsecutiveLosses(3, java.time.Duration.ofHours(1)).cooldownAfterLoss(java.time.Duration.ofMinutes(5))
                .maxOrdersPerMinute(30).priceBand(new java.math.BigDecimal("0.05")).maxDataAge(java.time.Duration.ofMinutes(2))
                .maxExposure(new java.math.BigDecimal("1")).maxRiskOfRuin(new java.math.BigDecimal("0.01")).dayBoundaryHour(0)
                .limit(VolatilityScaledLimitsProvider.SCALING, "0.5").limit(LeverageLimitPolicyProvider.MAX_LEVERAGE, "5")
                .build();
        for (RiskPolicyProvider p : providers()) {
            assertThat(p.create(all).name()).isEqualTo(p.name());
        }
    }

    @Test
    void everyProviderIsItsNameItsRulesAndItsPolicyOnOneSharedBaseAndRefusesLimitsWithoutItsRulesInOneWording() {
        assertThat(providers()).hasSize(14).allSatisfy(p -> {
            assertThat(p).isInstanceOf(LimitPolicyProvider.class);
            assertThat(p.getClass().getDeclaredMethods()).extracting(java.lang.reflect.Method::getName)
                    .as("%s declares no name(), rules() or create() of its own", p.getClass().getSimpleName())
                    .doesNotContain("name", "rules", "create");
            assertThatThrownBy(() -> p.create(RiskLimits.none())).isInstanceOf(io.tradekit.api.InvalidInputException.class)
                    .hasMessage("risk policy '" + p.name() + "' was created from limits that set none of " + new java.util.TreeSet<>(p.rules()));
        });
    }
}
