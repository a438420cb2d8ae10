package io.tradekit.api.spi;

import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Risk decisions and submissions are sealed: a switch covers every kind without a default branch. */
class SealedOutcomesTest {

    private static String describe(RiskDecision decision) {
        return switch (decision) {
            case RiskDecision.Allow a -> "allow";
            case RiskDecision.Resize r -> "resize to " + r.newQuantity().toPlainString() + ": " + r.reason();
            case RiskDecision.Block b -> "block: " + b.reason();
        };
    }

    private static String describe(Submission submission) {
        return switch (submission) {
            case Submission.Sent s -> "sent " + s.sentOrder().clientOrderId();
            case Submission.Denied d -> d.deniedBy() + " refused: " + d.reason();
        };
    }

    @Test
    void everyRiskDecisionIsOneOfThreeKindsWithItsFigures() {
        assertThat(describe(RiskDecision.allow())).isEqualTo("allow");
        assertThat(RiskDecision.allow()).isSameAs(RiskDecision.allow());
        assertThat(RiskDecision.allow().verdict()).isEqualTo(RiskDecision.Verdict.ALLOW);
        assertThat(RiskDecision.allow().quantity()).isEmpty();

        RiskDecision resize = RiskDecision.resize(new BigDecimal("0.5"), "max-position 0.5");
        assertThat(describe(resize)).isEqualTo("resize to 0.5: max-position 0.5");
        assertThat(resize.verdict()).isEqualTo(RiskDecision.Verdict.RESIZE);
        assertThat(resize.quantity()).contains(new BigDecimal("0.5"));
        assertThatThrownBy(() -> RiskDecision.resize(null, "x")).isInstanceOf(NullPointerException.class).hasMessage("newQuantity");

        RiskDecision block = RiskDecision.block(null);
        assertThat(describe(block)).isEqualTo("block: ");
        assertThat(block.verdict()).isEqualTo(RiskDecision.Verdict.BLOCK);
    }

    @Test
    void aSubmissionIsSentWithItsOrderOrDeniedWithWhoAndWhy() {
        OrderRequest request = OrderRequest.of("bot-1", OrderIntent.market("BTCUSDT", Side.BUY, BigDecimal.ONE));
        Submission sent = Submission.sent(Order.pendingNew(request, "", Instant.EPOCH));
        assertThat(describe(sent)).isEqualTo("sent bot-1");
        assertThat(sent.isSent()).isTrue();
        assertThat(sent.clientOrderId()).isEqualTo("bot-1");
        assertThat(sent.deniedBy()).isEmpty();

        Submission denied = Submission.denied("max-drawdown", "drawdown 6 % over 5 %");
        assertThat(describe(denied)).isEqualTo("max-drawdown refused: drawdown 6 % over 5 %");
        assertThat(denied.isSent()).isFalse();
        assertThat(denied.order()).isEmpty();
        assertThat(denied.clientOrderId()).isEmpty();
    }
}
