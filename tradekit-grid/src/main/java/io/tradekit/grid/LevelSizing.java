package io.tradekit.grid;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much each grid level trades: a fixed size per level, or a total budget in the quote asset split
 * equally over the levels (equal quote value, or equal base quantity).
 *
 * <pre>{@code LevelSizing.perLevel(new BigDecimal("0.01"), SizeMode.BASE)
 * LevelSizing.budget(new BigDecimal("1000"), SizeMode.QUOTE)}</pre>
 */
public sealed interface LevelSizing {

    /**
     * The size: per level for {@link PerLevel}, for the whole grid for {@link Budget}.
     *
     * @return a base quantity or a quote value, as {@link #mode()} says
     */
    BigDecimal amount();

    /**
     * The unit of {@link #amount()} for {@link PerLevel}, or how the budget is split for {@link Budget}.
     *
     * @return base or quote
     */
    SizeMode mode();

    /**
     * The same size on every level.
     *
     * @param amount a base quantity or quote value per level
     * @param mode   which of the two {@code amount} is
     * @return a {@link PerLevel}
     */
    static LevelSizing perLevel(BigDecimal amount, SizeMode mode) {
        return new PerLevel(amount, mode);
    }

    /**
     * A total quote budget split over the levels.
     *
     * @param total the budget for the whole grid, in the quote asset
     * @param split {@link SizeMode#QUOTE} for the same value per level, {@link SizeMode#BASE} for the same quantity
     * @return a {@link Budget}
     */
    static LevelSizing budget(BigDecimal total, SizeMode split) {
        return new Budget(total, split);
    }

    /**
     * The same size on every level: a base quantity, or a quote value converted at the level's buy price.
     *
     * @param amount the size per level
     * @param mode   whether {@code amount} is a base quantity or a quote value
     */
    record PerLevel(BigDecimal amount, SizeMode mode) implements LevelSizing {
        /**
         * Checks that no component is null.
         *
         * @throws NullPointerException if a component is null
         */
        public PerLevel {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(mode, "mode");
        }
    }

    /**
     * A total quote budget for the whole grid: every level's buy price times its quantity adds up to at
     * most {@code amount}, split so that each level gets the same quote value or the same base quantity.
     *
     * @param amount the budget, in the quote asset
     * @param mode   how it is split: the same quote value or the same base quantity per level
     */
    record Budget(BigDecimal amount, SizeMode mode) implements LevelSizing {
        /**
         * Checks that no component is null.
         *
         * @throws NullPointerException if a component is null
         */
        public Budget {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(mode, "mode");
        }
    }
}
