package io.tradekit.core.internal;

import java.time.Instant;

/** The engine's time: the data's time in a backtest, the wall clock live. */
public interface EngineClock {

    Instant now();

    static EngineClock system() {
        return Instant::now;
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
