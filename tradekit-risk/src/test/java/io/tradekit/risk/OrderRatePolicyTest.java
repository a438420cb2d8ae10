package io.tradekit.risk;

import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Side;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;

class OrderRatePolicyTest {

    private final RiskPolicy policy = Policies.enforcing(RiskLimits.MAX_ORDERS_PER_MINUTE, RiskLimits.builder().maxOrdersPerMinute(3).build());
    private final TestAccount account = new TestAccount().price(BTC, "50000");
    private final OrderIntent buy = OrderIntent.limit(BTC, Side.BUY, d("0.01"), d("49000"));

    @Test
    void theOrderPastTheRateIsBlockedAndTheWindowSlides() {
        assertThat(policy.check(buy, account)).isEqualTo(RiskDecision.allow());
        account.advance(Duration.ofSeconds(10));
        assertThat(policy.check(buy, account)).isEqualTo(RiskDecision.allow());
        account.advance(Duration.ofSeconds(10));
        assertThat(policy.check(buy, account)).as("the third order is exactly at the rate").isEqualTo(RiskDecision.allow());
        account.advance(Duration.ofSeconds(10));
        assertThat(policy.check(buy, account)).isEqualTo(RiskDecision.block("3 orders in the last 60 s reached max-orders-per-minute 3"));
        assertThat(Policies.show(policy.usage(account))).as("a refused order does not count").containsExactly("max-orders-per-minute 3/3");

        account.advance(Duration.ofSeconds(29));
        assertThat(policy.check(buy, account).verdict()).isEqualTo(RiskDecision.Verdict.BLOCK);
        account.advance(Duration.ofSeconds(1));
        assertThat(policy.check(buy, account)).as("60 s after the first order it has left the window").isEqualTo(RiskDecision.allow());
    }

    @Test
    void reducingOrderIsNeverRefusedButCounts() {
        account.position(BTC, "0.1", "50000");
        for (int i = 0; i < 3; i++) policy.check(buy, account);
        assertThat(policy.check(OrderIntent.market(BTC, Side.SELL, d("0.1")), account)).isEqualTo(RiskDecision.allow());
        assertThat(Policies.show(policy.usage(account))).containsExactly("max-orders-per-minute 4/3");
    }
}
