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

import java.time.Instant;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DailyLossPolicyTest {

    private final TestAccount account = new TestAccount().price(BTC, "50000").dayStartEquity("10000");

    private static RiskPolicy policy(RiskLimits.Builder b) {
        return Policies.enforcing(RiskLimits.MAX_DAILY_LOSS, b.build());
    }

    private static RiskLimits.Builder limit500() {
        return RiskLimits.builder().maxDailyLoss(d("500"));
    }

    @Test
    void lossJustUnderTheLimitLetsTheBotTrade() {
        account.equity("9500.01");
        RiskPolicy policy = policy(limit500());
        assertThat(policy.assess(account)).isEqualTo(SafetyVerdict.ok("max-daily-loss"));
        assertThat(policy.check(OrderIntent.market(BTC, Side.BUY, d("0.01")), account)).isEqualTo(RiskDecision.allow());
        assertThat(Policies.show(policy.usage(account))).containsExactly("max-daily-loss 499.99/500");
    }

    @Test
    void lossExactlyAtTheLimitAsksToFlattenAndBlocksNewExposure() {
        account.equity("9500");
        RiskPolicy policy = policy(limit500());
        String why = "daily loss 500 (equity 9500 since 10000 at 2024-03-01T00:00:00Z) reached max-daily-loss 500";
        assertThat(policy.assess(account)).isEqualTo(new SafetyVerdict(SafetyAction.FLATTEN, "max-daily-loss", why));
        assertThat(policy.check(OrderIntent.market(BTC, Side.BUY, d("0.01")), account))
                .isEqualTo(RiskDecision.block(why + ": no new exposure until the next trading day"));
    }

    @Test
    void reducingOrderPassesAfterTheLimitIsHit() {
        account.equity("9000").position(BTC, "0.1", "55000");
        assertThat(policy(limit500()).check(OrderIntent.market(BTC, Side.SELL, d("0.1")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void pauseCanBeAskedInsteadOfFlatten() {
        account.equity("9400");
        SafetyVerdict verdict = policy(limit500().limit(DailyLossPolicyProvider.ACTION, "pause")).assess(account);
        assertThat(verdict.action()).isEqualTo(SafetyAction.PAUSE);
    }

    @Test
    void dayBoundaryHourNamesTheTradingDayInTheReason() {
        account.equity("9400");
        RiskPolicy policy = policy(limit500().dayBoundaryHour(8));
        assertThat(policy.assess(account).reason()).contains("at 2024-03-01T08:00:00Z");
        account.now(Instant.parse("2024-03-01T07:59:59Z"));
        assertThat(policy.assess(account).reason()).contains("at 2024-02-29T08:00:00Z");
    }

    @Test
    void gainsAreNotLosses() {
        account.equity("12000");
        assertThat(Policies.show(policy(limit500()).usage(account))).containsExactly("max-daily-loss 0/500");
    }

    @Test
    void dayBoundaryWithoutADailyLossIsRefused() {
        assertThatThrownBy(() -> new DailyLossPolicyProvider().create(RiskLimits.builder().dayBoundaryHour(6).build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("risk limit 'day-boundary-hour' is set but max-daily-loss is not: it has nothing to modify");
    }

    @Test
    void actionOtherThanFlattenOrPauseIsRefused() {
        assertThatThrownBy(() -> policy(limit500().limit(DailyLossPolicyProvider.ACTION, "reduce_only")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("risk limit 'daily-loss-action' is 'reduce_only': it must be flatten or pause");
    }
}
