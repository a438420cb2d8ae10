package io.tradekit.core.internal;

import io.tradekit.api.BotState;
import io.tradekit.api.event.BotEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Picks the risk events out of everything a bot publishes, hands them to the risk listeners and keeps
 * the most recent for the safety report. A risk event is a risk alert (a policy's verdict, a
 * protection that closed a position, a flatten, dust), an order refused before the venue, or a move
 * into or out of PAUSED, REDUCE_ONLY or EMERGENCY_STOP.
 */
final class RiskEvents {

    private static final Logger log = LoggerFactory.getLogger(RiskEvents.class);
    static final int KEPT = 100;

    private final List<Consumer<BotEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<BotEvent> recent = new ArrayDeque<>();

    void addListener(Consumer<BotEvent> listener) {
        listeners.add(listener);
    }

    void accept(BotEvent event) {
        if (!isRiskEvent(event)) return;
        recent.addLast(event);
        if (recent.size() > KEPT) recent.removeFirst();
        for (Consumer<BotEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.error("a risk listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    /** The most recent risk events, oldest first. */
    List<BotEvent> recent() {
        return new ArrayList<>(recent);
    }

    static boolean isRiskEvent(BotEvent event) {
        return switch (event) {
            case BotEvent.RiskAlert a -> true;
            case BotEvent.OrderDenied d -> true;
            case BotEvent.StateChanged s -> isSafetyState(s.from()) || isSafetyState(s.to());
            default -> false;
        };
    }

    private static boolean isSafetyState(BotState state) {
        return state == BotState.PAUSED || state == BotState.REDUCE_ONLY || state == BotState.EMERGENCY_STOP;
    }
}
