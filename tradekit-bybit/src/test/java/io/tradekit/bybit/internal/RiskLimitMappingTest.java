package io.tradekit.bybit.internal;

import io.tradekit.api.MarginTier;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Risk limit tiers read the same whether Bybit writes the rates in percent (its documented example) or as fractions. */
class RiskLimitMappingTest {

    private static List<MarginTier> tiers(String json) {
        return RiskLimitMapping.tiers(RiskLimitMapping.entries(VenueJson.read(json), "BTCUSD"));
    }

    @Test
    void theDocumentedPercentExampleAndTheFractionSpellingGiveTheSameTier() {
        // v5/market/risk-limit.mdx: maintenanceMargin "0.5" with initialMargin "1" at 100x: 1 × 100 = 100, so percent
        List<MarginTier> percent = tiers("""
                {"category":"inverse","list":[{"id":1,"symbol":"BTCUSD","riskLimitValue":"150","maintenanceMargin":"0.5",
                "initialMargin":"1","isLowestRisk":1,"maxLeverage":"100.00","mmDeduction":""}]}""");
        List<MarginTier> fraction = tiers("""
                {"category":"inverse","list":[{"id":1,"symbol":"BTCUSD","riskLimitValue":"150","maintenanceMargin":"0.005",
                "initialMargin":"0.01","isLowestRisk":1,"maxLeverage":"100.00","mmDeduction":""}]}""");

        assertThat(percent.getFirst().maintenanceMarginRate()).isEqualByComparingTo("0.005");
        assertThat(percent.getFirst().upToNotional()).isEqualByComparingTo("150");
        assertThat(percent.getFirst().maxLeverage()).isEqualByComparingTo("100");
        assertThat(percent.getFirst().maintenanceDeduction()).isZero();
        assertThat(fraction.getFirst().maintenanceMarginRate()).isEqualByComparingTo("0.005");
    }

    @Test
    void tiersAreOrderedByTheirCapAndAnEmptyTableIsMalformed() {
        List<MarginTier> t = tiers("""
                {"list":[{"id":2,"symbol":"BTCUSD","riskLimitValue":"300","maintenanceMargin":"0.01","initialMargin":"0.02","maxLeverage":"50","mmDeduction":"0.75"},
                         {"id":1,"symbol":"BTCUSD","riskLimitValue":"150","maintenanceMargin":"0.005","initialMargin":"0.01","maxLeverage":"100","mmDeduction":""}]}""");

        assertThat(t).extracting(MarginTier::maxLeverage).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("100"), new java.math.BigDecimal("50"));
        assertThat(t.get(1).maintenanceDeduction()).isEqualByComparingTo("0.75");
        assertThatThrownBy(() -> tiers("{\"list\":[]}")).isInstanceOf(MalformedMessage.class).hasMessageContaining("no risk limit tiers");
    }
}
