package io.tradekit.core.internal;

import java.time.Duration;
import java.time.Instant;

/** The engine's time: the data's time in a backtest, the wall clock live. */
public interface EngineClock {

    Instant now();

    static EngineClock system() {
        return Instant::now;
    }

    /**
     * Whether {@code to} is at least {@code interval} after {@code from}, that is {@code !to.isBefore(from.plus(interval))},
     * worked out on the fields so that a check made on every bar makes no instant.
     */
    static boolean atLeastApart(Instant from, Instant to, Duration interval) {
        long seconds = to.getEpochSecond() - from.getEpochSecond() - interval.getSeconds();
        if (seconds > 1) return true;
        if (seconds < -1) return false;
        return seconds * 1_000_000_000L + to.getNano() - from.getNano() - interval.getNano() >= 0;
    }

    /** A clock the backtest driver moves forward with the data. */
    final class Simulated implements EngineClock {
        private Instant now = Instant.EPOCH;

        @Override
        public Instant now() {
            return now;
        }

        public void set(Instant time) {
            if (time.isAfter(now)) now = time;
        }
    }
}
