package io.tradekit.grid;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How a grid trades a linear perpetual: its {@link PerpGridMode} and how many contracts it may hold on
 * each side. A pair's opening order goes out only while the contracts the grid holds on that side plus
 * every opening order it has working there, plus this one, stay within the limit; otherwise it waits
 * until a closing fill makes room. Spot grids take none of this.
 *
 * <pre>{@code new PerpGrid(PerpGridMode.NEUTRAL, Optional.of(new BigDecimal("0.05")), Optional.of(new BigDecimal("0.05")))}</pre>
 *
 * @param mode              which way the grid trades
 * @param maxLongContracts  the most contracts the grid's long pairs may hold and have working together
 * @param maxShortContracts the same for its short pairs
 */
public record PerpGrid(PerpGridMode mode, Optional<BigDecimal> maxLongContracts, Optional<BigDecimal> maxShortContracts) {

    /**
     * Checks the limits against the mode.
     *
     * @throws NullPointerException if a component is null
     * @throws io.tradekit.api.InvalidInputException if a limit is not positive, or a limit is set for a side the mode
     *         never opens
     */
    public PerpGrid {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(maxLongContracts, "maxLongContracts");
        Objects.requireNonNull(maxShortContracts, "maxShortContracts");
        maxLongContracts.ifPresent(v -> requirePositive(v, "max-long-contracts"));
        maxShortContracts.ifPresent(v -> requirePositive(v, "max-short-contracts"));
        if (mode == PerpGridMode.LONG_ONLY && maxShortContracts.isPresent()) {
            throw new InvalidInputException("grid: 'max-short-contracts' does not apply to 'perp-mode' long-only, which opens no short");
        }
        if (mode == PerpGridMode.SHORT_ONLY && maxLongContracts.isPresent()) {
            throw new InvalidInputException("grid: 'max-long-contracts' does not apply to 'perp-mode' short-only, which opens no long");
        }
    }

    /**
     * Neutral, without inventory limits: what a grid on a perpetual does when nothing else is said.
     *
     * @return {@code new PerpGrid(NEUTRAL, empty, empty)}
     */
    public static PerpGrid neutral() {
        return new PerpGrid(PerpGridMode.NEUTRAL, Optional.empty(), Optional.empty());
    }

    /**
     * Whether pair {@code pair} of a ladder whose centre is level {@code centerIndex} is a short pair.
     *
     * @param pair        the pair's index (its lower level)
     * @param centerIndex the index of the ladder's centre level
     * @return always false for LONG_ONLY, always true for SHORT_ONLY; for NEUTRAL, true from the centre up
     */
    public boolean isShortPair(int pair, int centerIndex) {
        return switch (mode) {
            case LONG_ONLY -> false;
            case SHORT_ONLY -> true;
            case NEUTRAL -> pair >= centerIndex;
        };
    }

    /**
     * The limit on the side a pair opens, if any.
     *
     * @param shortPair whether the pair is short (see {@link #isShortPair})
     * @return the most contracts that side may hold and have working, or empty for no limit
     */
    public Optional<BigDecimal> limitFor(boolean shortPair) {
        return shortPair ? maxShortContracts : maxLongContracts;
    }

    private static void requirePositive(BigDecimal v, String field) {
        if (v.signum() <= 0) throw new InvalidInputException("grid: '" + field + "' must be positive, got " + v.toPlainString());
    }
}
