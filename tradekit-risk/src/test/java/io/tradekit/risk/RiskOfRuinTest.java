package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.SafetyVerdict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RiskOfRuinTest {

    private static List<BigDecimal> pnl(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Test
    void estimateFollowsTheClassicFormula() {
        // 6 wins of 150, 4 losses of 100: p = 0.6, R = 1.5, edge = 0.6 * 1.5 - 0.4 = 0.5;
        // equity 1000 is 10 average losses; ruin = (0.5 / 1.5)^10 = 3^-10.
        RiskOfRuin r = RiskOfRuin.estimate(pnl("150", "-100", "150", "150", "-100", "0", "150", "-100", "150", "150", "-100"), d("1000"));
        assertThat(r.trades()).isEqualTo(10);
        assertThat(r.winRate()).isCloseTo(0.6, within(1e-12));
        assertThat(r.payoffRatio()).isCloseTo(1.5, within(1e-12));
        assertThat(r.edge()).isCloseTo(0.5, within(1e-12));
        assertThat(r.capitalUnits()).isCloseTo(10, within(1e-12));
        assertThat(r.probability()).isCloseTo(1.0 / 59049, within(1e-15));
    }

    @Test
    void noEdgeMeansCertainRuinAndNoLossMeansNone() {
        assertThat(RiskOfRuin.estimate(pnl("100", "-100", "100", "-100"), d("1000")).probability()).isEqualTo(1.0);
        assertThat(RiskOfRuin.estimate(pnl("100", "5"), d("1000")).probability()).isEqualTo(0.0);
        assertThatThrownBy(() -> RiskOfRuin.estimate(pnl("0"), d("1000"))).isInstanceOf(InvalidInputException.class);
    }

    private final RiskPolicy policy = Policies.enforcing(RiskLimits.MAX_RISK_OF_RUIN,
            RiskLimits.builder().maxRiskOfRuin(d("0.01")).build());
    private final TestAccount account = new TestAccount().price(BTC, "50000").equity("500");

    @Test
    void ruinOverTheLimitAsksForReduceOnlyAndBlocksNewExposure() {
        // 5 wins of 120, 5 losses of 100: edge = 0.5 * 1.2 - 0.5 = 0.1, units = 5, ruin = (0.9 / 1.1)^5.
        account.tradePnl("120", "-100", "120", "-100", "120", "-100", "120", "-100", "120", "-100");
        double expected = Math.pow(0.9 / 1.1, 5);
        SafetyVerdict verdict = policy.assess(account);
        assertThat(verdict.action()).isEqualTo(SafetyAction.REDUCE_ONLY);
        assertThat(verdict.reason()).startsWith("risk of ruin " + String.format("%.4f", expected))
                .endsWith("(win rate 0.5, payoff ratio 1.2 over 10 trades) exceeds max-risk-of-ruin 0.01");
        assertThat(policy.check(OrderIntent.market(BTC, Side.BUY, d("0.001")), account).verdict()).isEqualTo(RiskDecision.Verdict.BLOCK);
        assertThat(policy.usage(account).getFirst().current().doubleValue()).isCloseTo(expected, within(1e-12));

        account.position(BTC, "0.001", "50000");
        assertThat(policy.check(OrderIntent.market(BTC, Side.SELL, d("0.001")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void fewerThanTenTradesAreNotJudged() {
        account.tradePnl("120", "-100", "-100", "-100", "-100", "-100", "-100", "-100", "-100");
        assertThat(policy.assess(account)).isEqualTo(SafetyVerdict.ok("risk-of-ruin"));
    }

    @Test
    void aGoodRecordPasses() {
        account.equity("10000").tradePnl("150", "-100", "150", "150", "-100", "150", "-100", "150", "150", "-100");
        assertThat(policy.assess(account).action()).isEqualTo(SafetyAction.CONTINUE);
    }
}
