package io.tradekit.advisor.notify;

import io.tradekit.advisor.BotFigures;
import io.tradekit.advisor.Notification;
import io.tradekit.advisor.NotificationKind;
import io.tradekit.advisor.Severity;
import io.tradekit.api.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends a HEARTBEAT with a bot's figures every interval of wall time, the first one interval after
 * {@link #start}. Figures that cannot be taken (the bot stopped, say) skip that beat with a logged reason.
 *
 * <pre>{@code Heartbeat beat = Heartbeat.start("btc-grid", new LiveFigures(bot), Duration.ofHours(6), dispatcher);}</pre>
 */
public final class Heartbeat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final ScheduledExecutorService timer;

    private Heartbeat(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Beats for {@code botId} every {@code every}, with the figures {@code figures} gives then. The beats run on a
     * daemon thread of their own until {@link #close()}.
     *
     * @param botId      the bot's id, which the notifications carry
     * @param figures    gives the figures at each beat; a beat whose figures throw is skipped and logged
     * @param every      the wall time between beats, positive (millisecond resolution)
     * @param dispatcher where the HEARTBEAT notifications go
     * @return the running heartbeat; close it to stop the beats
     * @throws io.tradekit.api.InvalidInputException if {@code every} is zero or negative
     */
    public static Heartbeat start(String botId, Supplier<BotFigures> figures, Duration every, NotificationDispatcher dispatcher) {
        if (every.isNegative() || every.isZero()) throw new InvalidInputException("heartbeat interval must be positive, got " + every);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("heartbeat-" + botId).factory());
        timer.scheduleAtFixedRate(() -> beat(botId, figures, dispatcher), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new Heartbeat(timer);
    }

    private static void beat(String botId, Supplier<BotFigures> figures, NotificationDispatcher dispatcher) {
        try {
            BotFigures f = figures.get();
            dispatcher.dispatch(new Notification(NotificationKind.HEARTBEAT, Severity.INFO, botId, f.time(),
                    "equity " + f.equity().toPlainString() + ", return " + f.returnPct().toPlainString() + " %, drawdown "
                            + f.maxDrawdownPct().toPlainString() + " %, " + f.roundTrips() + " round trips", f.asMap()));
        } catch (RuntimeException e) {
            log.warn("heartbeat of bot {}: figures not taken, beat skipped: {}", botId, e.getMessage());
        }
    }

    /** Stops the beats; a beat under way is interrupted. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
