package io.tradekit.grid;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One grid a {@link GridStrategy} laid out: its levels, when it was built (the first grid, a recenter,
 * or the grid put back after a restart) and when it was taken down (recentered away, stopped or
 * flattened), if it was. What a report draws the levels from.
 */
public record GridBuild(Instant builtAt, GridLadder ladder, Optional<Instant> takenDownAt) {
    public GridBuild {
        Objects.requireNonNull(builtAt, "builtAt");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(takenDownAt, "takenDownAt");
    }

    GridBuild takenDown(Instant at) {
        return takenDownAt.isPresent() ? this : new GridBuild(builtAt, ladder, Optional.of(at));
    }
}
