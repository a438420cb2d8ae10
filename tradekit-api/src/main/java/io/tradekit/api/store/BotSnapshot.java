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
 *
 * @param time          when it was taken
 * @param state         the bot's state then
 * @param balances      the account's balances by asset
 * @param positions     every position
 * @param peakEquity    the highest equity seen so far
 * @param fillCount     how many journaled fills the positions include
 * @param lastBarTime   the close of the last bar the bot acted on, if any
 * @param strategyState the strategy's own state ({@link io.tradekit.api.spi.Strategy#saveState()}; null is an empty object)
 */
public record BotSnapshot(Instant time, BotState state, Map<String, BigDecimal> balances, List<Position> positions,
                          BigDecimal peakEquity, long fillCount, Optional<Instant> lastBarTime, String strategyState) {
    /** Copies the collections and checks that every field is given. */
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
