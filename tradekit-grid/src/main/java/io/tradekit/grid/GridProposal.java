package io.tradekit.grid;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What {@link GridHeuristic} proposes: a spacing in percent, a number of levels on each side of the
 * centre, and the quote value each level trades when the budget is split equally over them.
 */
public record GridProposal(BigDecimal spacingPercent, int levelsPerSide, BigDecimal quotePerLevel) {
    public GridProposal {
        Objects.requireNonNull(spacingPercent, "spacingPercent");
        Objects.requireNonNull(quotePerLevel, "quotePerLevel");
    }
}
