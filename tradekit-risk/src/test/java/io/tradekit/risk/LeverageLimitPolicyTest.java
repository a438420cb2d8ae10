package io.tradekit.risk;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.MarginRules;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The leverage cap and the liquidation distance on a BTCUSDT linear perpetual: one tier up to 100x, maintenance
 * margin rate 0.5 %, so that a position of q contracts entered at e with leverage L is liquidated at
 * {@code e − (q·e/L − q·e·0.005)/q = e·(1 − 1/L + 0.005)} when long, {@code e·(1 + 1/L − 0.005)} when short.
 */
class LeverageLimitPolicyTest {

    private static final MarginRules RULES = MarginRules.flat(d("100"), d("0.005"), d("0.0006"));

    private final TestAccount account = new TestAccount().perpetual(BTC, RULES).price(BTC, "50000");

    private static RiskPolicy policy(String... ruleValues) {
        RiskLimits.Builder b = RiskLimits.builder();
        for (int i = 0; i < ruleValues.length; i += 2) b.limit(ruleValues[i], ruleValues[i + 1]);
        return Policies.enforcing(ruleValues[0], b.build());
    }

    /** Bars of 50000 with a high 50 above and a low 50 below: every true range is 100, so ta4j's ATR(14) is exactly 100. */
    private static List<Bar> steadyBars(int count) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bars.add(new Bar(BTC, Timeframe.M1, SyntheticBars.START.plusSeconds(60L * i), d("50000"), d("50050"), d("49950"), d("50000"), d("1")));
        }
        return bars;
    }

    @Test
    void leverageCapDeniesANewPositionOpenedAboveItWithItsFigures() {
        RiskPolicy cap = policy(LeverageLimitPolicyProvider.MAX_LEVERAGE, "5");
        account.perpPosition(BTC, "0", "0", "10");
        // 0.1 BTC at 50000 = 5000 notional on 5000 / 10 = 500 margin: leverage 10 at any size, so no smaller order helps.
        assertThat(cap.check(OrderIntent.market(BTC, Side.BUY, d("0.1")), account)).isEqualTo(RiskDecision.block(
                "BTCUSDT position leverage 10 after the order (notional 5000 on margin plus unrealized PnL 500) exceeds max-leverage 5"
                        + "; no smaller order keeps it"));
        account.perpPosition(BTC, "0", "0", "5");
        assertThat(cap.check(OrderIntent.market(BTC, Side.SELL, d("0.1")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void leverageCapCountsTheLossOfAShortAgainstItsMargin() {
        RiskPolicy cap = policy(LeverageLimitPolicyProvider.MAX_LEVERAGE, "5", LeverageLimitPolicyProvider.ACTION, "block");
        // Short 1 at 45000 with 5x: margin 9000. At 50000 it has lost 5000, so 4000 backs it. Selling 0.1 more at 50000:
        // 1.1 short at (45000 + 5000) / 1.1 = 45454.54..., margin 50000 / 5 = 10000, unrealized (45454.54 - 50000) x 1.1 = -5000:
        // 55000 notional on 5000 is leverage 11.
        account.perpPosition(BTC, "-1", "45000", "5");
        assertThat(cap.check(OrderIntent.market(BTC, Side.SELL, d("0.1")), account)).isEqualTo(RiskDecision.block(
                "BTCUSDT position leverage 11 after the order (notional 55000 on margin plus unrealized PnL 5000) exceeds max-leverage 5"));
        assertThat(cap.check(OrderIntent.market(BTC, Side.BUY, d("0.5")), account)).as("reducing the short always passes")
                .isEqualTo(RiskDecision.allow());
        assertThat(Policies.show(cap.usage(account))).as("now: 50000 on 9000 - 5000").containsExactly("max-leverage 12.5/5");
    }

    @Test
    void liquidationCloserThanTheFractionOfThePriceIsRefused() {
        RiskPolicy distance = policy(LeverageLimitPolicyProvider.MIN_LIQUIDATION_DISTANCE, "0.1");
        account.perpPosition(BTC, "0", "0", "20");
        // 20x long: 50000 x (1 - 0.05 + 0.005) = 47750, 2250 (4.5 %) under the price; 10 % is 5000.
        assertThat(distance.check(OrderIntent.market(BTC, Side.BUY, d("0.1")), account)).isEqualTo(RiskDecision.block(
                "BTCUSDT liquidation price 47750 after the order is 2250 (4.5 %) from the price 50000, closer than min-liquidation-distance 0.1"
                        + " (10 %) = 5000; no smaller order keeps it"));
        // 20x short: 50000 x (1 + 0.05 - 0.005) = 52250, the same 2250 above.
        assertThat(distance.check(OrderIntent.limit(BTC, Side.SELL, d("0.1"), d("50000")), account).reason())
                .startsWith("BTCUSDT liquidation price 52250 after the order is 2250 (4.5 %) from the price 50000");
        // 5x long: 50000 x (1 - 0.2 + 0.005) = 39750, 10250 (20.5 %) away.
        account.perpPosition(BTC, "0", "0", "5");
        assertThat(distance.check(OrderIntent.market(BTC, Side.BUY, d("0.1")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void liquidationCloserThanNAtrsIsRefusedAndFartherPasses() {
        RiskPolicy atr = policy(LeverageLimitPolicyProvider.MIN_LIQUIDATION_ATR, "3");
        account.perpPosition(BTC, "0", "0", "100");
        assertThat(atr.check(OrderIntent.market(BTC, Side.BUY, d("0.1")), account))
                .isEqualTo(RiskDecision.block("min-liquidation-atr needs 14 bars of BTCUSDT for the ATR, there are 0"));

        account.bars(BTC, steadyBars(20));
        // 100x long: 50000 x (1 - 0.01 + 0.005) = 49750, 250 away; 3 ATRs are 300.
        assertThat(atr.check(OrderIntent.market(BTC, Side.BUY, d("0.1")), account)).isEqualTo(RiskDecision.block(
                "BTCUSDT liquidation price 49750 after the order is 250 (0.5 %) from the price 50000, closer than min-liquidation-atr 3 x ATR(14)"
                        + " 100 = 300; no smaller order keeps it"));
        // 50x long: 50000 x (1 - 0.02 + 0.005) = 49250, 750 away.
        account.perpPosition(BTC, "0", "0", "50");
        assertThat(atr.check(OrderIntent.market(BTC, Side.BUY, d("0.1")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void anAddThatPullsTheLiquidationCloserIsReducedToWhatKeepsTheDistance() {
        RiskPolicy distance = policy(LeverageLimitPolicyProvider.MIN_LIQUIDATION_DISTANCE, "0.2");
        // Long 1 at 40000 with 10x, price 50000. Adding d at 50000 moves the entry to e = (40000 + 50000 d) / (1 + d) and the
        // liquidation to 0.905 e (rounded up to the tick 0.01). The full 1: e = 45000, liquidation 40725, 9275 (18.55 %) away.
        // 20 % of 50000 is 10000, so the liquidation must stay at or under 40000: e <= 44198.895..., d <= 0.72381...
        // On the step 0.001: d = 0.723 gives e = 76150 / 1.723 = 44196.169..., liquidation 39997.54 (10002.46 away);
        // d = 0.724 gives e = 76200 / 1.724 = 44199.536..., liquidation 40000.59 (9999.41 away).
        account.perpPosition(BTC, "1", "40000", "10");
        assertThat(distance.check(OrderIntent.market(BTC, Side.BUY, d("1")), account)).isEqualTo(RiskDecision.resize(d("0.723"),
                "BTCUSDT liquidation price 40725 after the order is 9275 (18.55 %) from the price 50000, closer than min-liquidation-distance 0.2"
                        + " (20 %) = 10000; resized 1 -> 0.723 BTCUSDT"));
    }

    @Test
    void spotOrdersAndReducingOrdersPass() {
        RiskPolicy distance = policy(LeverageLimitPolicyProvider.MIN_LIQUIDATION_DISTANCE, "0.5");
        TestAccount spot = new TestAccount().price(BTC, "50000");
        assertThat(distance.check(OrderIntent.market(BTC, Side.BUY, d("0.1")), spot)).isEqualTo(RiskDecision.allow());
        account.perpPosition(BTC, "-1", "50000", "20");
        assertThat(distance.check(OrderIntent.market(BTC, Side.BUY, d("1")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void withoutAPriceAnEntryIsRefused() {
        RiskPolicy both = policy(LeverageLimitPolicyProvider.MAX_LEVERAGE, "5", LeverageLimitPolicyProvider.MIN_LIQUIDATION_ATR, "3");
        TestAccount noPrice = new TestAccount().perpetual(BTC, RULES).perpPosition(BTC, "0", "0", "2");
        assertThat(both.check(OrderIntent.market(BTC, Side.BUY, d("0.1")), noPrice))
                .isEqualTo(RiskDecision.block("no price to value the BTCUSDT position against max-leverage / min-liquidation-atr"));
    }

    @Test
    void badValuesFailWhenThePolicyIsMadeNamingTheRule() {
        assertThatThrownBy(() -> policy(LeverageLimitPolicyProvider.MAX_LEVERAGE, "0.5")).isInstanceOf(InvalidInputException.class)
                .hasMessage("risk limit 'max-leverage' is '0.5': it must be at least 1");
        assertThatThrownBy(() -> policy(LeverageLimitPolicyProvider.MIN_LIQUIDATION_DISTANCE, "10")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("risk limit 'min-liquidation-distance' is '10': it is a fraction and must be in (0, 1)");
        assertThatThrownBy(() -> policy(LeverageLimitPolicyProvider.MAX_LEVERAGE, "5", LeverageLimitPolicyProvider.ATR_PERIOD, "20"))
                .isInstanceOf(InvalidInputException.class).hasMessage("risk limit 'liquidation-atr-period' needs 'min-liquidation-atr' as well");
    }
}
