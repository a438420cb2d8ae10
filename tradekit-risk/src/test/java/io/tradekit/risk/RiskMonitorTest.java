package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.event.BotEvent.AlertLevel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskMonitorTest {

    private final TestAccount account = new TestAccount();
    private final RiskMonitor monitor = new RiskMonitor(new RiskAssessor(RiskLimits.builder().maxDrawdown(d("0.05")).build()));
    private final List<BotEvent.RiskAlert> alerts = new ArrayList<>();

    @Test
    void alertsOnEachChangeOfLevelWithTheMatchingAlertLevel() {
        monitor.addListener(alerts::add);
        monitor.evaluate(account, List.of());
        assertThat(alerts).as("starting at LOW is no change").isEmpty();

        account.equity("9600");
        monitor.evaluate(account, List.of());
        assertThat(alerts).containsExactly(new BotEvent.RiskAlert(account.now(), "risk-monitor", SafetyAction.CONTINUE, AlertLevel.WARNING,
                "risk level HIGH (was LOW): drawdown 4 % is 80 % of max-drawdown 5 %"));

        account.equity("9500");
        monitor.evaluate(account, List.of());
        monitor.evaluate(account, List.of());
        assertThat(alerts).hasSize(2);
        assertThat(alerts.getLast().level()).isEqualTo(AlertLevel.CRITICAL);

        account.equity("10000");
        monitor.evaluate(account, List.of());
        assertThat(alerts.getLast().level()).isEqualTo(AlertLevel.INFO);
        assertThat(alerts.getLast().reason()).isEqualTo("risk level LOW (was CRITICAL): no findings");
        assertThat(monitor.level()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void aFailingListenerDoesNotKeepTheAlertFromTheOthers() {
        monitor.addListener(a -> {
            throw new IllegalStateException("listener broke");
        });
        monitor.addListener(alerts::add);
        account.equity("9000");
        assertThatThrownBy(() -> monitor.evaluate(account, List.of())).hasMessage("listener broke");
        assertThat(alerts).hasSize(1);
        assertThat(monitor.level()).isEqualTo(RiskLevel.CRITICAL);
    }
}
