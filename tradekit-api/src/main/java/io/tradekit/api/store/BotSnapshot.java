package io.tradekit.api.store;

import io.tradekit.api.BotState;
import io.tradekit.api.Position;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bot's whole state at one instant: enough, with the journal after it, to resume. {@code fillCount}
 * is how many fills the positions include, so that a loader can check positions against the fills.
 */
public record BotSnapshot(Instant time, BotState state, Map<String, BigDecimal> balances, List<Position> positions,
                          BigDecimal peakEquity, long fillCount, Optional<Instant> lastBarTime, String strategyState) {
    public BotSnapshot {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(state, "state");
        balances = Map.copyOf(balances);
        positions = List.copyOf(positions);
        Objects.requireNonNull(peakEquity, "peakEquity");
        Objects.requireNonNull(lastBarTime, "lastBarTime");
        strategyState = strategyState == null ? "{}" : strategyState;
    }
}
