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

class TotalExposurePolicyTest {

    private final RiskPolicy policy = Policies.enforcing(RiskLimits.MAX_EXPOSURE, RiskLimits.builder().maxExposure(d("0.5")).build());
    // 2000 long BTC + 2500 short ETH = 4500 gross of equity 10000; the cap is 5000.
    private final TestAccount account = new TestAccount().price(BTC, "50000").price(ETH, "2500")
            .position(BTC, "0.04", "49000").position(ETH, "-1", "2600");

    @Test
    void orderThatFillsTheCapExactlyPasses() {
        assertThat(policy.check(OrderIntent.market(BTC, Side.BUY, d("0.01")), account)).isEqualTo(RiskDecision.allow());
        assertThat(Policies.show(policy.usage(account))).containsExactly("max-exposure 0.45/0.5");
    }

    @Test
    void orderOverTheCapIsResizedToTheRoomAcrossSymbols() {
        assertThat(policy.check(OrderIntent.market(BTC, Side.BUY, d("0.02")), account)).isEqualTo(RiskDecision.resize(d("0.01"),
                "total exposure 0.55 of equity 10000 after the order exceeds max-exposure 0.5; resized 0.02 -> 0.01 BTCUSDT"));
    }

    @Test
    void flippingAShortCountsOnlyTheNetChange() {
        assertThat(policy.check(OrderIntent.market(ETH, Side.BUY, d("2")), account))
                .as("-1 to +1 leaves gross exposure unchanged").isEqualTo(RiskDecision.allow());
        // -1 to +2 would add 2500; the room is 500 (0.2 ETH) beyond closing the short: 1 + 1 + 0.2.
        assertThat(policy.check(OrderIntent.market(ETH, Side.BUY, d("3")), account).quantity()).contains(d("2.2"));
    }

    @Test
    void reducingOrderPassesOverTheCap() {
        account.equity("5000");
        assertThat(policy.check(OrderIntent.market(ETH, Side.BUY, d("1")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void restingOrdersThatAddExposureCountAsFilled() {
        account.openLimitOrder(BTC, Side.BUY, "0.01", "50000").openLimitOrder(ETH, Side.BUY, "0.5", "2400");
        assertThat(policy.check(OrderIntent.market(BTC, Side.BUY, d("0.001")), account)).isEqualTo(RiskDecision.block(
                "total exposure 0.505 of equity 10000 after the order exceeds max-exposure 0.5; no room left"));
    }
}
