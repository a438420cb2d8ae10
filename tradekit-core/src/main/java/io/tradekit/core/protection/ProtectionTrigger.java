package io.tradekit.core.protection;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A protective level that the price reached: which one, the level, the price that crossed it, and why in words.
 *
 * @param kind which protection; never null
 * @param level the protective level; never null
 * @param price the price that reached it; never null
 * @param reason why, in words, for the alert and the journal; never null
 */
public record ProtectionTrigger(ProtectionKind kind, BigDecimal level, BigDecimal price, String reason) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ProtectionTrigger {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(reason, "reason");
    }
}
