package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Side;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import org.junit.jupiter.api.Test;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaxOrderNotionalPolicyTest {

    private final TestAccount account = new TestAccount().price(BTC, "50000");

    private RiskPolicy policy(String action) {
        RiskLimits.Builder b = RiskLimits.builder().maxOrderNotional(d("1000"));
        if (action != null) b.limit(MaxOrderNotionalPolicyProvider.ACTION, action);
        return Policies.enforcing(RiskLimits.MAX_ORDER_NOTIONAL, b.build());
    }

    @Test
    void orderExactlyAtTheLimitPasses() {
        assertThat(policy(null).check(OrderIntent.market(BTC, Side.BUY, d("0.02")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void oversizedOrderIsResizedDownToTheStep() {
        RiskDecision decision = policy(null).check(OrderIntent.limit(BTC, Side.BUY, d("0.05"), d("30000")), account);
        // 1000 / 30000 = 0.0333.., rounded down to the 0.001 step.
        assertThat(decision.verdict()).isEqualTo(RiskDecision.Verdict.RESIZE);
        assertThat(decision.quantity()).contains(d("0.033"));
        assertThat(decision.reason()).isEqualTo("order notional 1500 exceeds max-order-notional 1000; resized 0.05 -> 0.033 BTCUSDT");
    }

    @Test
    void oversizedOrderIsBlockedWhenConfiguredToBlock() {
        RiskDecision decision = policy("block").check(OrderIntent.limit(BTC, Side.BUY, d("0.05"), d("30000")), account);
        assertThat(decision).isEqualTo(RiskDecision.block("order notional 1500 exceeds max-order-notional 1000"));
    }

    @Test
    void marketOrderIsValuedAtTheLastPrice() {
        RiskDecision decision = policy("block").check(OrderIntent.market(BTC, Side.BUY, d("0.021")), account);
        assertThat(decision.reason()).isEqualTo("order notional 1050 exceeds max-order-notional 1000");
    }

    @Test
    void resizeThatFallsUnderTheMinimumNotionalIsBlocked() {
        RiskPolicy small = Policies.enforcing(RiskLimits.MAX_ORDER_NOTIONAL, RiskLimits.builder().maxOrderNotional(d("4.5")).build());
        RiskDecision decision = small.check(OrderIntent.limit(BTC, Side.BUY, d("0.01"), d("1000")), account);
        assertThat(decision).isEqualTo(RiskDecision.block(
                "order notional 10 exceeds max-order-notional 4.5; the room 0.004 is under the minimum notional 5"));
    }

    @Test
    void reducingOrderPassesWhateverItsSize() {
        account.position(BTC, "1", "40000");
        assertThat(policy("block").check(OrderIntent.market(BTC, Side.SELL, d("1")), account)).isEqualTo(RiskDecision.allow());
        assertThat(policy("block").check(OrderIntent.market(BTC, Side.SELL, d("1.001")), account).verdict())
                .as("selling more than the position opens a short, which is new exposure").isEqualTo(RiskDecision.Verdict.BLOCK);
    }

    @Test
    void marketOrderWithoutAnyPriceIsBlocked() {
        RiskDecision decision = policy(null).check(OrderIntent.market("ETHUSDT", Side.BUY, d("1")), new TestAccount());
        assertThat(decision).isEqualTo(RiskDecision.block("no price to value the MARKET order on ETHUSDT against max-order-notional 1000"));
    }

    @Test
    void usageIsTheLargestOpenOrder() {
        account.openLimitOrder(BTC, Side.BUY, "0.01", "49000").openLimitOrder(BTC, Side.BUY, "0.015", "48000");
        assertThat(Policies.show(policy(null).usage(account))).containsExactly("max-order-notional 720/1000");
    }

    @Test
    void unknownActionIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> policy("shrink"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("risk limit 'max-order-notional-action' is 'shrink': it must be one of [RESIZE, BLOCK]");
    }

    @Test
    void actionWithoutTheLimitIsRefused() {
        assertThatThrownBy(() -> new MaxOrderNotionalPolicyProvider().create(RiskLimits.builder()
                .limit(MaxOrderNotionalPolicyProvider.ACTION, "block").build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'max-order-notional-action' is set but max-order-notional is not");
    }
}
