package io.tradekit.risk;

import io.tradekit.api.event.BotEvent;

/** Receives the alerts a {@link RiskMonitor} raises. Called on the thread that evaluates; return quickly. */
@FunctionalInterface
public interface RiskAlertListener {
    void onAlert(BotEvent.RiskAlert alert);
}
