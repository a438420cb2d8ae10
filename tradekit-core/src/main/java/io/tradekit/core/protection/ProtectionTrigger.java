package io.tradekit.core.protection;

import java.math.BigDecimal;
import java.util.Objects;

/** A protective level that the price reached: which one, the level, the price that crossed it, and why in words. */
public record ProtectionTrigger(ProtectionKind kind, BigDecimal level, BigDecimal price, String reason) {
    public ProtectionTrigger {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(reason, "reason");
    }
}
