package io.tradekit.examples.modes;

import io.tradekit.control.BotLauncher;
import io.tradekit.core.TradingBot;

/**
 * Shows a session that its command runs (and stops, writing the report) on a control plane's dashboard: the
 * launch hands over the session's running bot; the control plane's stop leaves it to the command.
 */
public final class AttachedSession implements BotLauncher {

    private final TradingSession session;

    /**
     * Shows {@code session}'s bot; the session must be started before the control plane launches it.
     *
     * @param session the running session whose command owns its stop and report
     */
    public AttachedSession(TradingSession session) {
        this.session = session;
    }

    @Override
    public TradingBot launch() {
        return session.bot();
    }

    @Override
    public void stop(TradingBot bot) {
        // the command stops the session itself, after the dashboard has closed
    }
}
