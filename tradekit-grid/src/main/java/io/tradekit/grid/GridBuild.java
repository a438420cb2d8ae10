package io.tradekit.grid;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One grid a {@link GridStrategy} laid out: its levels, when it was built (the first grid, a recenter,
 * or the grid put back after a restart) and when it was taken down (recentered away, stopped or
 * flattened), if it was. What a report draws the levels from.
 *
 * @param builtAt     when the grid was placed, on the market clock
 * @param ladder      its levels
 * @param takenDownAt when it was taken down, or empty while it is still the live grid
 */
public record GridBuild(Instant builtAt, GridLadder ladder, Optional<Instant> takenDownAt) {
    /**
     * Checks that no component is null.
     *
     * @throws NullPointerException if a component is null
     */
    public GridBuild {
        Objects.requireNonNull(builtAt, "builtAt");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(takenDownAt, "takenDownAt");
    }

    GridBuild takenDown(Instant at) {
        return takenDownAt.isPresent() ? this : new GridBuild(builtAt, ladder, Optional.of(at));
    }
}
