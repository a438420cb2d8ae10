package io.tradekit.api.spi;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** A risk policy's answer for one order: let it through, shrink it, or stop it, with a reason. */
public record RiskDecision(Verdict verdict, Optional<BigDecimal> quantity, String reason) {

    public enum Verdict { ALLOW, RESIZE, BLOCK }

    private static final RiskDecision ALLOW = new RiskDecision(Verdict.ALLOW, Optional.empty(), "");

    public RiskDecision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(quantity, "quantity");
        reason = reason == null ? "" : reason;
        if (verdict == Verdict.RESIZE && quantity.isEmpty()) throw new IllegalArgumentException("RESIZE needs a quantity");
    }

    public static RiskDecision allow() {
        return ALLOW;
    }

    public static RiskDecision resize(BigDecimal quantity, String reason) {
        return new RiskDecision(Verdict.RESIZE, Optional.of(quantity), reason);
    }

    public static RiskDecision block(String reason) {
        return new RiskDecision(Verdict.BLOCK, Optional.empty(), reason);
    }
}
