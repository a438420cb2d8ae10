package io.tradekit.risk;

import io.tradekit.api.BotState;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.SafetyVerdict;
import org.junit.jupiter.api.Test;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrawdownPolicyTest {

    private final RiskPolicy policy = Policies.enforcing(RiskLimits.MAX_DRAWDOWN, RiskLimits.builder().maxDrawdown(d("0.05")).build());
    private final TestAccount account = new TestAccount().price(BTC, "50000").peakEquity("10000");

    @Test
    void drawdownJustUnderTheLimitContinues() {
        account.equity("9500.01");
        assertThat(policy.assess(account)).isEqualTo(SafetyVerdict.ok("max-drawdown"));
        assertThat(policy.check(OrderIntent.market(BTC, Side.BUY, d("0.01")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void drawdownExactlyAtTheLimitAsksForEmergencyStopAndBlocksNewExposure() {
        account.equity("9500");
        String why = "drawdown 0.05 (5 %, equity 9500 from peak 10000) reached max-drawdown 0.05";
        assertThat(policy.assess(account)).isEqualTo(new SafetyVerdict(SafetyAction.EMERGENCY_STOP, "max-drawdown", why));
        assertThat(policy.check(OrderIntent.market(BTC, Side.BUY, d("0.01")), account)).isEqualTo(RiskDecision.block(why));
        assertThat(Policies.show(policy.usage(account))).containsExactly("max-drawdown 0.05/0.05");
    }

    @Test
    void reducingOrderPassesInADrawdown() {
        account.equity("8000").position(BTC, "0.1", "60000");
        assertThat(policy.check(OrderIntent.market(BTC, Side.SELL, d("0.1")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void operatorResumeMeasuresTheNextDrawdownFromTheEquityAtResume() {
        account.equity("9000");
        assertThat(policy.assess(account).action()).isEqualTo(SafetyAction.EMERGENCY_STOP);
        account.state(BotState.EMERGENCY_STOP);
        assertThat(policy.assess(account).action()).as("still over the limit while stopped").isEqualTo(SafetyAction.EMERGENCY_STOP);

        account.state(BotState.RUNNING);
        assertThat(policy.assess(account)).isEqualTo(SafetyVerdict.ok("max-drawdown"));
        assertThat(Policies.show(policy.usage(account))).containsExactly("max-drawdown 0/0.05");

        account.equity("8600");
        assertThat(policy.assess(account).action())
                .as("14 % under the old peak, but only 4.4 % under the equity at resume").isEqualTo(SafetyAction.CONTINUE);
        account.equity("9200");
        policy.assess(account);
        account.equity("8740");
        assertThat(policy.assess(account).reason())
                .isEqualTo("drawdown 0.05 (5 %, equity 8740 from peak 9200) reached max-drawdown 0.05");
    }

    @Test
    void drawdownOfOneOrMoreIsRefusedWithAHint() {
        assertThatThrownBy(() -> new DrawdownPolicyProvider().create(RiskLimits.builder().limit(RiskLimits.MAX_DRAWDOWN, "5").build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("risk limit 'max-drawdown' is '5': it is a fraction and must be in (0, 1) (write 0.05 for 5 %)");
    }
}
