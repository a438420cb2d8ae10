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

import java.time.Duration;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LossStreakBreakerTest {

    private final RiskPolicy breaker = Policies.enforcing(RiskLimits.MAX_CONSECUTIVE_LOSSES,
            RiskLimits.builder().maxConsecutiveLosses(3, Duration.ofHours(1)).build());
    private final TestAccount account = new TestAccount().price(BTC, "50000");
    private final OrderIntent buy = OrderIntent.market(BTC, Side.BUY, d("0.01"));

    private void close(String orderId, String pnl) {
        breaker.onFill(account.fill(orderId, BTC, Side.SELL, "0.01", "50000"), d(pnl), account);
    }

    @Test
    void breakerOpensOnTheThirdLossInARowAndClosesAfterTheCooldown() {
        close("a", "-10");
        close("b", "-10");
        assertThat(breaker.check(buy, account)).isEqualTo(RiskDecision.allow());
        assertThat(Policies.show(breaker.usage(account))).containsExactly("max-consecutive-losses 2/3");

        close("c", "-10");
        String why = "3 losing trades in a row reached max-consecutive-losses 3: breaker open until 2024-03-01T13:00:00Z (loss-streak-cooldown PT1H)";
        assertThat(breaker.check(buy, account)).isEqualTo(RiskDecision.block(why));
        assertThat(breaker.assess(account)).isEqualTo(new SafetyVerdict(SafetyAction.PAUSE, "loss-streak-breaker", why));

        account.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertThat(breaker.assess(account).action()).isEqualTo(SafetyAction.PAUSE);
        account.advance(Duration.ofSeconds(1));
        assertThat(breaker.assess(account)).isEqualTo(SafetyVerdict.ok("loss-streak-breaker"));
        assertThat(breaker.check(buy, account)).isEqualTo(RiskDecision.allow());
        assertThat(Policies.show(breaker.usage(account))).as("the count starts again").containsExactly("max-consecutive-losses 0/3");
    }

    @Test
    void aWinResetsTheStreak() {
        close("a", "-10");
        close("b", "-10");
        close("c", "5");
        close("d", "-10");
        close("e", "-10");
        assertThat(breaker.assess(account).action()).isEqualTo(SafetyAction.CONTINUE);
        close("f", "-1");
        assertThat(breaker.assess(account).action()).isEqualTo(SafetyAction.PAUSE);
    }

    @Test
    void partialFillsOfOneOrderAreOneTradeAndOpeningsDoNotCount() {
        close("a", "-4");
        close("a", "-6");
        close("open", "0");
        close("b", "-3");
        close("b", "-2");
        assertThat(Policies.show(breaker.usage(account))).containsExactly("max-consecutive-losses 2/3");
        close("c", "-1");
        close("c", "-1");
        assertThat(breaker.assess(account).action()).isEqualTo(SafetyAction.PAUSE);
        account.advance(Duration.ofHours(1));
        close("c", "-1");
        assertThat(Policies.show(breaker.usage(account)))
                .as("a late fill of the order that opened the breaker is not a new loss").containsExactly("max-consecutive-losses 0/3");
    }

    @Test
    void anOrderWhosePartsNetAWinIsNotALoss() {
        close("a", "-10");
        close("b", "-10");
        close("c", "-5");
        assertThat(breaker.assess(account).action()).isEqualTo(SafetyAction.PAUSE);
        account.advance(Duration.ofHours(2));
        close("d", "-10");
        close("e", "-4");
        close("e", "6");
        close("f", "-1");
        assertThat(Policies.show(breaker.usage(account))).containsExactly("max-consecutive-losses 1/3");
    }

    @Test
    void reducingOrderPassesWhileTheBreakerIsOpen() {
        account.position(BTC, "0.05", "51000");
        close("a", "-1");
        close("b", "-1");
        close("c", "-1");
        assertThat(breaker.check(OrderIntent.market(BTC, Side.SELL, d("0.05")), account)).isEqualTo(RiskDecision.allow());
        assertThat(breaker.check(buy, account).verdict()).isEqualTo(RiskDecision.Verdict.BLOCK);
    }

    @Test
    void countWithoutACooldownIsRefused() {
        assertThatThrownBy(() -> new LossStreakBreakerProvider().create(RiskLimits.builder().limit(RiskLimits.MAX_CONSECUTIVE_LOSSES, "3").build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("risk limit 'max-consecutive-losses' needs 'loss-streak-cooldown' as well");
    }
}
