package io.tradekit.grid;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What {@link GridHeuristic} proposes: a spacing in percent, a number of levels on each side of the
 * centre, and the quote value each level trades when the budget is split equally over them.
 *
 * @param spacingPercent the distance between levels, in percent of the price (0.5 = 0.5 %)
 * @param levelsPerSide  levels below and above the centre, each
 * @param quotePerLevel  the budget's share per level, in the quote asset
 */
public record GridProposal(BigDecimal spacingPercent, int levelsPerSide, BigDecimal quotePerLevel) {
    /**
     * Checks that no reference component is null.
     *
     * @throws NullPointerException if {@code spacingPercent} or {@code quotePerLevel} is null
     */
    public GridProposal {
        Objects.requireNonNull(spacingPercent, "spacingPercent");
        Objects.requireNonNull(quotePerLevel, "quotePerLevel");
    }
}
