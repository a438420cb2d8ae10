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

class LossCooldownPolicyTest {

    private final RiskPolicy policy = Policies.enforcing(RiskLimits.COOLDOWN_AFTER_LOSS,
            RiskLimits.builder().cooldownAfterLoss(Duration.ofMinutes(30)).build());
    private final TestAccount account = new TestAccount().price(BTC, "50000");
    private final OrderIntent buy = OrderIntent.market(BTC, Side.BUY, d("0.01"));

    @Test
    void lossBlocksNewExposureUntilTheCooldownEnds() {
        policy.onFill(account.fill("a", BTC, Side.SELL, "0.01", "49500"), d("-5"), account);
        account.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertThat(policy.check(buy, account)).isEqualTo(RiskDecision.block(
                "a loss of 5 on BTCUSDT at 2024-03-01T12:00:00Z started cooldown-after-loss PT30M: no new exposure until 2024-03-01T12:30:00Z"));
        assertThat(Policies.show(policy.usage(account))).containsExactly("cooldown-after-loss 1/1800");
        account.advance(Duration.ofSeconds(1));
        assertThat(policy.check(buy, account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void winsAndOpeningsStartNoCooldown() {
        policy.onFill(account.fill("a", BTC, Side.BUY, "0.01", "50000"), d("0"), account);
        policy.onFill(account.fill("b", BTC, Side.SELL, "0.01", "51000"), d("10"), account);
        assertThat(policy.check(buy, account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void reducingOrderPassesDuringTheCooldown() {
        account.position(BTC, "0.02", "50000");
        policy.onFill(account.fill("a", BTC, Side.SELL, "0.01", "49500"), d("-5"), account);
        assertThat(policy.check(OrderIntent.market(BTC, Side.SELL, d("0.02")), account)).isEqualTo(RiskDecision.allow());
    }
}
