package io.tradekit.core.protection;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where an open position's protections stand: its entry, the stop in force (the highest of the fixed
 * stop, the trailing stop and the breakeven stop for a long; the lowest for a short) and which of them
 * it is, and the take-profit.
 */
public record ProtectionLevels(boolean isLong, BigDecimal entry, Optional<BigDecimal> stop, Optional<ProtectionKind> stopKind,
                               Optional<BigDecimal> takeProfit, BigDecimal bestPrice, boolean movedToBreakeven) {
}
