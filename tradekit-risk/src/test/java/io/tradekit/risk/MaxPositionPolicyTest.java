package io.tradekit.risk;

import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Side;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import org.junit.jupiter.api.Test;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;

class MaxPositionPolicyTest {

    private final TestAccount account = new TestAccount().price(BTC, "50000");

    private static RiskPolicy baseLimit(String max) {
        return Policies.enforcing(RiskLimits.MAX_POSITION_BASE, RiskLimits.builder().maxPositionBase(d(max)).build());
    }

    private static RiskPolicy fractionLimit(String max, String action) {
        RiskLimits.Builder b = RiskLimits.builder().maxPosition(d(max));
        if (action != null) b.limit(MaxPositionPolicyProvider.ACTION, action);
        return Policies.enforcing(RiskLimits.MAX_POSITION, b.build());
    }

    @Test
    void orderThatLandsExactlyOnTheBaseLimitPasses() {
        account.position(BTC, "0.3", "48000");
        assertThat(baseLimit("0.5").check(OrderIntent.market(BTC, Side.BUY, d("0.2")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void orderOverTheBaseLimitIsResizedToTheRoomLeft() {
        account.position(BTC, "0.3", "48000");
        RiskDecision decision = baseLimit("0.5").check(OrderIntent.market(BTC, Side.BUY, d("0.3")), account);
        assertThat(decision).isEqualTo(RiskDecision.resize(d("0.2"),
                "BTCUSDT position 0.6 after the order exceeds max-position-base 0.5; resized 0.3 -> 0.2 BTCUSDT"));
    }

    @Test
    void openOrdersOnTheSameSideCountAsIfFilled() {
        account.position(BTC, "0.3", "48000").openLimitOrder(BTC, Side.BUY, "0.1", "49000").openLimitOrder(BTC, Side.SELL, "0.1", "51000");
        RiskDecision decision = baseLimit("0.5").check(OrderIntent.market(BTC, Side.BUY, d("0.3")), account);
        assertThat(decision.quantity()).contains(d("0.1"));
        assertThat(decision.reason()).startsWith("BTCUSDT position 0.7 after the order");
    }

    @Test
    void reducingOrderAlwaysPassesEvenOverTheLimit() {
        account.position(BTC, "0.9", "48000");
        assertThat(baseLimit("0.5").check(OrderIntent.market(BTC, Side.SELL, d("0.3")), account)).isEqualTo(RiskDecision.allow());
        assertThat(baseLimit("0.5").check(OrderIntent.market(BTC, Side.SELL, d("0.9")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void orderThatFlipsThePositionMayCloseItAndOpenUpToTheLimit() {
        account.position(BTC, "0.3", "48000");
        RiskDecision decision = baseLimit("0.5").check(OrderIntent.market(BTC, Side.SELL, d("1")), account);
        assertThat(decision).isEqualTo(RiskDecision.resize(d("0.8"),
                "BTCUSDT position 0.7 after the order exceeds max-position-base 0.5; resized 1 -> 0.8 BTCUSDT"));
    }

    @Test
    void shortPositionIsLimitedLikeALongOne() {
        account.position(BTC, "-0.4", "52000");
        assertThat(baseLimit("0.5").check(OrderIntent.market(BTC, Side.SELL, d("0.2")), account).quantity()).contains(d("0.1"));
        assertThat(baseLimit("0.5").check(OrderIntent.market(BTC, Side.BUY, d("0.4")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void notionalLimitIsAFractionOfEquity() {
        // 0.1 of equity 10000 = 1000 quote = 0.02 BTC at 50000.
        RiskDecision decision = fractionLimit("0.1", null).check(OrderIntent.market(BTC, Side.BUY, d("0.03")), account);
        assertThat(decision).isEqualTo(RiskDecision.resize(d("0.02"),
                "BTCUSDT position notional 1500 after the order is 0.15 of equity 10000, over max-position 0.1; resized 0.03 -> 0.02 BTCUSDT"));
        assertThat(fractionLimit("0.1", null).check(OrderIntent.market(BTC, Side.BUY, d("0.02")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void notionalLimitBlocksWhenConfiguredToBlock() {
        RiskDecision decision = fractionLimit("0.1", "block").check(OrderIntent.limit(BTC, Side.BUY, d("0.03"), d("40000")), account);
        assertThat(decision).isEqualTo(RiskDecision.block(
                "BTCUSDT position notional 1200 after the order is 0.12 of equity 10000, over max-position 0.1"));
    }

    @Test
    void theTighterOfBothLimitsWins() {
        RiskPolicy both = Policies.enforcing(RiskLimits.MAX_POSITION,
                RiskLimits.builder().maxPosition(d("0.1")).maxPositionBase(d("0.05")).build());
        assertThat(both.check(OrderIntent.market(BTC, Side.BUY, d("0.06")), account).quantity()).contains(d("0.02"));
        assertThat(both.check(OrderIntent.limit(BTC, Side.BUY, d("0.06"), d("10000")), account).quantity())
                .as("at 10000 the notional cap allows 0.1 BTC, so the base cap binds").contains(d("0.05"));
    }

    @Test
    void usageReportsTheLargestPosition() {
        account.position(BTC, "-0.01", "50000").price("ETHUSDT", "2500").position("ETHUSDT", "0.1", "2400");
        RiskPolicy both = Policies.enforcing(RiskLimits.MAX_POSITION,
                RiskLimits.builder().maxPosition(d("0.1")).maxPositionBase(d("0.5")).build());
        assertThat(Policies.show(both.usage(account))).containsExactly("max-position 0.05/0.1", "max-position-base 0.1/0.5");
    }
}
