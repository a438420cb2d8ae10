package io.tradekit.examples.modes;

import io.tradekit.control.BotLauncher;
import io.tradekit.core.Plugins;
import io.tradekit.core.TradingBot;
import io.tradekit.config.BotConfig;
import io.tradekit.config.Mode;

/**
 * Launches a {@link TradingSession} as one bot of a control plane's fleet: each launch opens and starts a
 * new session (which recovers from the mode's journal), and a stop stops it and writes its report, as the
 * {@code paper}, {@code live} and {@code dry-run} commands do.
 */
public final class SessionLauncher implements BotLauncher {

    private final BotConfig config;
    private final Mode mode;
    private final Plugins plugins;
    private final String source;
    private TradingSession session;

    /**
     * A launcher that opens a new session from {@code config} on each launch; a live bot must confirm live trading in
     * its own configuration ({@code confirmLive}).
     *
     * @param config the bot's configuration
     * @param mode paper, live or dry-run
     * @param plugins where strategies and other plugins are found
     * @param source where the configuration came from (e.g. its file), named in messages
     */
    public SessionLauncher(BotConfig config, Mode mode, Plugins plugins, String source) {
        this.config = config;
        this.mode = mode;
        this.plugins = plugins;
        this.source = source;
    }

    @Override
    public synchronized TradingBot launch() {
        // A live bot in a fleet must say so in its own file ("confirmLive": true); the fleet gives no blanket confirmation.
        TradingSession opened = TradingSession.open(config, mode, plugins, false, source);
        opened.start();
        session = opened;
        return opened.bot();
    }

    @Override
    public synchronized void stop(TradingBot bot) {
        if (session == null) {
            bot.stop();
            return;
        }
        try {
            session.stop();
        } finally {
            session.close();
            session = null;
        }
    }
}
