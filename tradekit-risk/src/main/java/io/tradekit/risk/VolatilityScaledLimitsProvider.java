package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.LimitValues;

import java.math.BigDecimal;

/**
 * Limits that tighten as volatility rises. With {@value #SCALING} set to a factor in (0, 1], the
 * size limits the bot has ({@code max-order-notional}, {@code max-position}, {@code max-position-base},
 * {@code max-exposure}) are applied a second time, scaled by a factor that is 1 up to the median
 * realized volatility of the order's symbol (see {@link RegimeDetector#standard()}) and falls linearly
 * to the configured factor at the highest.
 *
 * <pre>{@code RiskLimits.builder().maxPosition(new BigDecimal("0.2")).limit("volatility-scaling", "0.25").build()}</pre>
 */
public final class VolatilityScaledLimitsProvider extends LimitPolicyProvider {

    /** The smallest factor, at the highest volatility; e.g. 0.25 keeps a quarter of each size limit. */
    public static final String SCALING = "volatility-scaling";

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public VolatilityScaledLimitsProvider() {
        super("volatility-scaled-limits", SCALING);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        values.requireOneOf(SCALING, VolatilityScaledPolicy.SCALED_RULES.toArray(String[]::new));
        BigDecimal min = values.positive(SCALING).orElseThrow(this::missing);
        if (min.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("risk limit '" + SCALING + "' is '" + values.raw(SCALING) + "': it must be a factor in (0, 1]");
        }
        return new VolatilityScaledPolicy(name(), limits, new VolatilityScaling(0.5, min), RegimeDetector.standard());
    }
}
