package io.tradekit.risk;

import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Side;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import org.junit.jupiter.api.Test;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.ETH;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;

class MaxOpenOrdersPolicyTest {

    private final RiskPolicy policy = Policies.enforcing(RiskLimits.MAX_OPEN_ORDERS, RiskLimits.builder().maxOpenOrders(2).build());
    private final TestAccount account = new TestAccount().price(BTC, "50000");

    @Test
    void orderBelowTheCountPasses() {
        account.openLimitOrder(BTC, Side.BUY, "0.01", "49000");
        assertThat(policy.check(OrderIntent.limit(BTC, Side.BUY, d("0.01"), d("48000")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void orderThatWouldGoPastTheCountIsBlockedCountingEverySymbol() {
        account.openLimitOrder(BTC, Side.BUY, "0.01", "49000").openLimitOrder(ETH, Side.BUY, "1", "2400");
        assertThat(policy.check(OrderIntent.limit(BTC, Side.BUY, d("0.01"), d("48000")), account))
                .isEqualTo(RiskDecision.block("2 open orders reached max-open-orders 2"));
        assertThat(Policies.show(policy.usage(account))).containsExactly("max-open-orders 2/2");
    }

    @Test
    void reducingOrderPassesWhenTheCountIsReached() {
        account.position(BTC, "0.02", "50000").openLimitOrder(BTC, Side.BUY, "0.01", "49000").openLimitOrder(BTC, Side.BUY, "0.01", "48000");
        assertThat(policy.check(OrderIntent.market(BTC, Side.SELL, d("0.02")), account)).isEqualTo(RiskDecision.allow());
    }
}
