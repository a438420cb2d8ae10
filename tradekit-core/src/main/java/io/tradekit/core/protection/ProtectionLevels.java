package io.tradekit.core.protection;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where an open position's protections stand: its entry, the stop in force (the highest of the fixed
 * stop, the trailing stop and the breakeven stop for a long; the lowest for a short) and which of them
 * it is, and the take-profit.
 *
 * @param isLong whether the position is long
 * @param entry the entry price the levels are measured from
 * @param stop the stop in force, or empty when there is none
 * @param stopKind which stop that is, or empty when there is none
 * @param takeProfit the take-profit level, or empty when there is none
 * @param bestPrice the best price since the entry: the highest for a long, the lowest for a short
 * @param movedToBreakeven whether the stop has been moved to the entry
 */
public record ProtectionLevels(boolean isLong, BigDecimal entry, Optional<BigDecimal> stop, Optional<ProtectionKind> stopKind,
                               Optional<BigDecimal> takeProfit, BigDecimal bestPrice, boolean movedToBreakeven) {
}
