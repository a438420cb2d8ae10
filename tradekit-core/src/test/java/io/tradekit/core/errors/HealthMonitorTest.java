package io.tradekit.core.errors;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.api.spi.SafetyVerdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthMonitorTest {

    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    private static final Duration STALE = Duration.ofMinutes(3);

    private static Event.ConnectionChanged stream(String name, ConnectionState state, Instant at) {
        return new Event.ConnectionChanged("binance", name, state, state == ConnectionState.CONNECTED ? "" : "socket closed", at);
    }

    private static SafetyAction action(SafetyVerdict v) {
        return v.action();
    }

    @Test
    void aStreamDownLongerThanTheLimitPausesAndItsReturnLetsTheBotGoOn() {
        HealthMonitor health = new HealthMonitor(HealthSettings.defaults(), STALE);
        health.onConnection(stream("market", ConnectionState.DISCONNECTED, T0));
        health.onConnection(stream("market", ConnectionState.RECONNECTING, T0.plusSeconds(10)));

        assertThat(action(health.verdict(T0.plusSeconds(30)))).isEqualTo(SafetyAction.CONTINUE); // exactly the limit
        SafetyVerdict down = health.verdict(T0.plusSeconds(31));
        assertThat(down).isEqualTo(new SafetyVerdict(SafetyAction.PAUSE, "health",
                "binance market RECONNECTING (socket closed): down since " + T0 + ", longer than health max-disconnected PT30S"));

        health.onConnection(stream("market", ConnectionState.CONNECTED, T0.plusSeconds(40)));
        assertThat(health.verdict(T0.plusSeconds(41))).isEqualTo(SafetyVerdict.ok("health"));
    }

    @Test
    void anotherStreamStillDownKeepsThePause() {
        HealthMonitor health = new HealthMonitor(HealthSettings.defaults().withMaxDisconnected(Duration.ofSeconds(5)), STALE);
        health.onConnection(stream("market", ConnectionState.DISCONNECTED, T0));
        health.onConnection(stream("user", ConnectionState.DISCONNECTED, T0.plusSeconds(2)));
        health.onConnection(stream("market", ConnectionState.CONNECTED, T0.plusSeconds(3)));
        assertThat(health.verdict(T0.plusSeconds(8)).reason()).startsWith("binance user DISCONNECTED").contains("down since " + T0.plusSeconds(2));
        assertThat(health.report(T0.plusSeconds(8)).streamsDown()).containsExactly("binance user");
    }

    @Test
    void anErrorRateAtTheLimitPausesUntilTheErrorsSlideOutOfTheWindow() {
        HealthMonitor health = new HealthMonitor(HealthSettings.defaults().withMaxErrors(3, Duration.ofMinutes(1)), STALE);
        health.onError(T0, "place", ErrorCategory.NETWORK, RecoveryAction.RETRY, "refused");
        health.onError(T0.plusSeconds(1), "place", ErrorCategory.NETWORK, RecoveryAction.RETRY, "refused");
        assertThat(action(health.verdict(T0.plusSeconds(2)))).isEqualTo(SafetyAction.CONTINUE);
        health.onError(T0.plusSeconds(2), "cancel", ErrorCategory.TIMEOUT, RecoveryAction.RETRY, "slow");
        assertThat(health.verdict(T0.plusSeconds(2)).reason())
                .isEqualTo("3 errors within PT1M reached health max-errors 3 (NETWORK 2, TIMEOUT 1)");
        assertThat(action(health.verdict(T0.plusSeconds(60)))).isEqualTo(SafetyAction.CONTINUE);
        assertThat(health.report(T0.plusSeconds(60)).errorsInWindow()).isEqualTo(Map.of(ErrorCategory.NETWORK, 1, ErrorCategory.TIMEOUT, 1));
    }

    @Test
    void anErrorThatAsksForAPausePausesForTheConfiguredTime() {
        HealthMonitor health = new HealthMonitor(HealthSettings.defaults().withPauseAfterError(Duration.ofMinutes(2)), STALE);
        health.onError(T0, "engine", ErrorCategory.INTERNAL, RecoveryAction.PAUSE, "strategy threw");
        assertThat(health.verdict(T0.plusSeconds(119)).reason())
                .isEqualTo("engine: INTERNAL strategy threw; paused until " + T0.plusSeconds(120));
        assertThat(action(health.verdict(T0.plusSeconds(120)))).isEqualTo(SafetyAction.CONTINUE);
    }

    @Test
    void anErrorThatAsksForAHaltHoldsThePauseUntilAnOperatorAcknowledges() {
        HealthMonitor health = new HealthMonitor(HealthSettings.defaults(), STALE);
        health.onError(T0, "place", ErrorCategory.AUTH, RecoveryAction.HALT, "-2015 Invalid API-key");
        SafetyVerdict halted = health.verdict(T0.plus(Duration.ofDays(2)));
        assertThat(halted.action()).isEqualTo(SafetyAction.PAUSE);
        assertThat(halted.reason()).isEqualTo("place: AUTH -2015 Invalid API-key; halted until an operator resumes the bot");
        health.acknowledge();
        assertThat(action(health.verdict(T0.plus(Duration.ofDays(2))))).isEqualTo(SafetyAction.CONTINUE);
    }

    @Test
    void marketDataOlderThanTheLimitPausesAndFreshDataLiftsIt() {
        HealthMonitor health = new HealthMonitor(HealthSettings.defaults(), STALE);
        assertThat(action(health.verdict(T0.plus(Duration.ofHours(1))))).isEqualTo(SafetyAction.CONTINUE); // no data yet is not stale
        health.onData(T0);
        assertThat(action(health.verdict(T0.plus(STALE)))).isEqualTo(SafetyAction.CONTINUE);
        assertThat(health.verdict(T0.plus(STALE).plusSeconds(1)).reason())
                .isEqualTo("no market data since " + T0 + ", older than health max-data-age PT3M");
        health.onData(T0.plus(STALE));
        assertThat(action(health.verdict(T0.plus(STALE).plusSeconds(1)))).isEqualTo(SafetyAction.CONTINUE);
        assertThat(health.report(T0.plus(STALE).plusSeconds(1)).dataAge()).contains(Duration.ofSeconds(1));
    }

    @Test
    void theSettingsMaxDataAgeOverridesTheBotsOwn() {
        HealthMonitor health = new HealthMonitor(HealthSettings.defaults().withMaxDataAge(Duration.ofSeconds(10)), STALE);
        health.onData(T0);
        assertThat(action(health.verdict(T0.plusSeconds(11)))).isEqualTo(SafetyAction.PAUSE);
    }

    @Test
    void ordersTheVenueRefusedDoNotCountTowardsTheErrorRate() {
        HealthMonitor health = new HealthMonitor(HealthSettings.defaults().withMaxErrors(2, Duration.ofMinutes(1)), STALE);
        for (int i = 0; i < 5; i++) {
            health.onError(T0, "place", ErrorCategory.INSUFFICIENT_FUNDS, RecoveryAction.SKIP, "insufficient balance");
            health.onError(T0, "cancel", ErrorCategory.ORDER_NOT_FOUND, RecoveryAction.RESYNC_STATE, "unknown order");
        }
        assertThat(action(health.verdict(T0))).isEqualTo(SafetyAction.CONTINUE);
        assertThat(health.report(T0).errorsInWindow()).isEqualTo(Map.of(ErrorCategory.INSUFFICIENT_FUNDS, 5, ErrorCategory.ORDER_NOT_FOUND, 5));
        health.onError(T0, "place", ErrorCategory.TIMEOUT, RecoveryAction.RETRY, "no answer");
        health.onError(T0, "place", ErrorCategory.NETWORK, RecoveryAction.RETRY, "refused");
        assertThat(health.verdict(T0).reason()).isEqualTo("2 errors within PT1M reached health max-errors 2 (NETWORK 1, TIMEOUT 1)");
    }
}
