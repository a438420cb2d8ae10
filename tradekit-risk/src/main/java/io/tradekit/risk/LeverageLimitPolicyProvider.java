package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.LeverageLimitPolicy;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.OversizeAction;
import io.tradekit.risk.internal.TrueRangeReading;

import java.math.BigDecimal;

/**
 * Leverage and liquidation limits for perpetual positions. The position an order would leave, valued at the
 * order's price with its isolated margin, must keep:
 * <ul>
 *   <li>{@value #MAX_LEVERAGE}: a leverage (notional over margin plus unrealized PnL) of at most this;</li>
 *   <li>{@value #MIN_LIQUIDATION_DISTANCE}: its liquidation price at least this fraction of the price away
 *       (0.1: a 10 % move must not liquidate it);</li>
 *   <li>{@value #MIN_LIQUIDATION_ATR}: its liquidation price at least this many average true ranges away
 *       (ta4j's ATR over {@value #ATR_PERIOD} bars, default 14; refused until there are that many bars).</li>
 * </ul>
 * An order that breaks one is shrunk to the largest quantity that keeps them all ({@value #ACTION} =
 * {@code resize}, the default) or refused ({@code block}); orders that reduce a position, and spot
 * instruments, always pass.
 *
 * <pre>{@code RiskLimits.builder().limit("max-leverage", "5").limit("min-liquidation-atr", "3").build()}</pre>
 */
public final class LeverageLimitPolicyProvider extends LimitPolicyProvider {

    /** The highest leverage a position may be left at (at least 1). */
    public static final String MAX_LEVERAGE = "max-leverage";
    /** The smallest distance of the liquidation price from the price, as a fraction of the price. */
    public static final String MIN_LIQUIDATION_DISTANCE = "min-liquidation-distance";
    /** The smallest distance of the liquidation price from the price, in average true ranges. */
    public static final String MIN_LIQUIDATION_ATR = "min-liquidation-atr";
    /** Bars of the ATR for {@value #MIN_LIQUIDATION_ATR}. */
    public static final String ATR_PERIOD = "liquidation-atr-period";
    /** {@code resize} or {@code block}. */
    public static final String ACTION = "leverage-limit-action";

    static final int DEFAULT_ATR_PERIOD = 14;

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public LeverageLimitPolicyProvider() {
        super("leverage-limit", MAX_LEVERAGE, MIN_LIQUIDATION_DISTANCE, MIN_LIQUIDATION_ATR, ATR_PERIOD, ACTION);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        values.requireOneOf(ACTION, MAX_LEVERAGE, MIN_LIQUIDATION_DISTANCE, MIN_LIQUIDATION_ATR);
        values.requireWith(ATR_PERIOD, MIN_LIQUIDATION_ATR);
        var maxLeverage = values.positive(MAX_LEVERAGE);
        maxLeverage.ifPresent(v -> {
            if (v.compareTo(BigDecimal.ONE) < 0) {
                throw new InvalidInputException("risk limit '" + MAX_LEVERAGE + "' is '" + values.raw(MAX_LEVERAGE) + "': it must be at least 1");
            }
        });
        var minDistance = values.fraction(MIN_LIQUIDATION_DISTANCE);
        var minAtrs = values.positive(MIN_LIQUIDATION_ATR);
        if (maxLeverage.isEmpty() && minDistance.isEmpty() && minAtrs.isEmpty()) throw missing();
        int period = values.count(ATR_PERIOD).orElse(DEFAULT_ATR_PERIOD);
        var rules = new LeverageLimitPolicy.Rules(MAX_LEVERAGE, maxLeverage, MIN_LIQUIDATION_DISTANCE, minDistance, MIN_LIQUIDATION_ATR, minAtrs,
                values.choice(ACTION, OversizeAction.class).orElse(OversizeAction.RESIZE));
        return new LeverageLimitPolicy(name(), rules, new TrueRangeReading(period));
    }
}
