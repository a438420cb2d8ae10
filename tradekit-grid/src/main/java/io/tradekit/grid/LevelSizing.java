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

    BigDecimal amount();

    SizeMode mode();

    static LevelSizing perLevel(BigDecimal amount, SizeMode mode) {
        return new PerLevel(amount, mode);
    }

    static LevelSizing budget(BigDecimal total, SizeMode split) {
        return new Budget(total, split);
    }

    /** The same size on every level: a base quantity, or a quote value converted at the level's buy price. */
    record PerLevel(BigDecimal amount, SizeMode mode) implements LevelSizing {
        public PerLevel {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(mode, "mode");
        }
    }

    /**
     * A total quote budget for the whole grid: every level's buy price times its quantity adds up to at
     * most {@code amount}, split so that each level gets the same quote value or the same base quantity.
     */
    record Budget(BigDecimal amount, SizeMode mode) implements LevelSizing {
        public Budget {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(mode, "mode");
        }
    }
}
