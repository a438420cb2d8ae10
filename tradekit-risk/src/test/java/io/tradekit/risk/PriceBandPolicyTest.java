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

class PriceBandPolicyTest {

    private final RiskPolicy policy = Policies.enforcing(RiskLimits.PRICE_BAND, RiskLimits.builder().priceBand(d("0.05")).build());
    private final TestAccount account = new TestAccount().price(BTC, "100");

    @Test
    void pricesOnTheBandPass() {
        assertThat(policy.check(OrderIntent.limit(BTC, Side.SELL, d("0.1"), d("105")), account)).isEqualTo(RiskDecision.allow());
        assertThat(policy.check(OrderIntent.limit(BTC, Side.BUY, d("0.1"), d("95")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void pricesJustOutsideTheBandAreBlocked() {
        assertThat(policy.check(OrderIntent.limit(BTC, Side.SELL, d("0.1"), d("105.01")), account)).isEqualTo(RiskDecision.block(
                "limit price 105.01 is 0.0501 (5.01 %) from the last price 100, outside price-band 0.05"));
        assertThat(policy.check(OrderIntent.limit(BTC, Side.BUY, d("0.1"), d("94.99")), account).verdict())
                .isEqualTo(RiskDecision.Verdict.BLOCK);
    }

    @Test
    void fatFingeredReducingOrderIsBlockedToo() {
        account.position(BTC, "1", "100");
        assertThat(policy.check(OrderIntent.limit(BTC, Side.SELL, d("1"), d("10")), account).reason())
                .isEqualTo("limit price 10 is 0.9 (90 %) from the last price 100, outside price-band 0.05");
    }

    @Test
    void marketOrdersCarryNoPriceToCheck() {
        assertThat(policy.check(OrderIntent.market(BTC, Side.BUY, d("1")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void limitOrderWithoutALastPriceIsBlocked() {
        assertThat(policy.check(OrderIntent.limit(ETH, Side.BUY, d("1"), d("2000")), account))
                .isEqualTo(RiskDecision.block("no last price for ETHUSDT to check the limit price 2000 against price-band 0.05"));
    }

    @Test
    void usageIsTheFarthestOpenOrder() {
        account.openLimitOrder(BTC, Side.BUY, "0.1", "97").openLimitOrder(BTC, Side.SELL, "0.1", "104");
        assertThat(Policies.show(policy.usage(account))).containsExactly("price-band 0.04/0.05");
    }
}
