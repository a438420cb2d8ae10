package io.tradekit.risk;

import io.tradekit.api.event.BotEvent;

/** Receives the alerts a {@link RiskMonitor} raises. Called on the thread that evaluates; return quickly. */
@FunctionalInterface
public interface RiskAlertListener {
    /**
     * Called once for each change of risk level.
     *
     * @param alert the alert: its level follows {@link RiskLevel#alertLevel()}, its action is always CONTINUE
     */
    void onAlert(BotEvent.RiskAlert alert);
}
