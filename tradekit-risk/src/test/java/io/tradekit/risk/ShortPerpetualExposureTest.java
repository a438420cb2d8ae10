package io.tradekit.risk;

import io.tradekit.api.Instrument;
import io.tradekit.api.InstrumentKind;
import io.tradekit.api.MarginRules;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Side;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short on a perpetual whose contract is 0.01 BTC counts in the size limits at its signed exposure:
 * -10 contracts at the mark 50000 are -0.1 BTC, 5000 of exposure against equity 10000.
 */
class ShortPerpetualExposureTest {

    private static final Instrument BTC_PERP = new Instrument(BTC, "BTC", "USDT", d("0.01"), d("1"), d("1"), d("5"),
            InstrumentKind.LINEAR_PERPETUAL, d("0.01"), Optional.of(MarginRules.flat(d("50"), d("0.005"), d("0.0006"))));

    private final TestAccount account = new TestAccount().instrument(BTC_PERP).price(BTC, "50000").perpPosition(BTC, "-10", "50000", "5");

    @Test
    void totalExposureCountsTheShortAndResizesASellThatAddsToIt() {
        RiskPolicy policy = Policies.enforcing(RiskLimits.MAX_EXPOSURE, RiskLimits.builder().maxExposure(d("1")).build());
        assertThat(Policies.show(policy.usage(account))).containsExactly("max-exposure 0.5/1");
        // Selling 15 more: -25 contracts = 12500, 1.25 of equity. Room: (10000 - 5000) / (50000 x 0.01) = 10 contracts.
        assertThat(policy.check(OrderIntent.market(BTC, Side.SELL, d("15")), account)).isEqualTo(RiskDecision.resize(d("10"),
                "total exposure 1.25 of equity 10000 after the order exceeds max-exposure 1; resized 15 -> 10 BTCUSDT"));
        // Buying 30 flips -10 to +20: 10000 of exposure, exactly the cap.
        assertThat(policy.check(OrderIntent.market(BTC, Side.BUY, d("30")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void maxPositionCountsTheShortOnItsSide() {
        RiskPolicy policy = Policies.enforcing(RiskLimits.MAX_POSITION, RiskLimits.builder().maxPosition(d("0.6")).build());
        // 10 short + 5 more = 15 contracts = 7500, 0.75 of equity; 0.6 of 10000 is 6000 = 12 contracts, 2 more than held.
        assertThat(policy.check(OrderIntent.market(BTC, Side.SELL, d("5")), account)).isEqualTo(RiskDecision.resize(d("2"),
                "BTCUSDT position notional 7500 after the order is 0.75 of equity 10000, over max-position 0.6; resized 5 -> 2 BTCUSDT"));
        assertThat(policy.check(OrderIntent.market(BTC, Side.BUY, d("10")), account)).as("closing the short").isEqualTo(RiskDecision.allow());
    }

    @Test
    void maxOrderNotionalValuesContractsThroughTheirSize() {
        RiskPolicy policy = Policies.enforcing(RiskLimits.MAX_ORDER_NOTIONAL, RiskLimits.builder().maxOrderNotional(d("2000")).build());
        // 5 contracts = 0.05 BTC = 2500; 2000 buys 4.
        assertThat(policy.check(OrderIntent.market(BTC, Side.SELL, d("5")), account)).isEqualTo(RiskDecision.resize(d("4"),
                "order notional 2500 exceeds max-order-notional 2000; resized 5 -> 4 BTCUSDT"));
    }
}
