package io.tradekit.risk.internal;

import io.tradekit.api.Instrument;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Position;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Caps the leverage of a perpetual position and keeps its liquidation price away from the price. The
 * position an order would leave ({@link PositionAfter}, valued at the order's price) must have a leverage
 * (notional over isolated margin plus unrealized PnL) of at most {@code maxLeverage}, and a liquidation
 * price at least {@code minDistance} of the price and {@code minAtrs} average true ranges away. An order
 * that breaks a rule is shrunk to the largest quantity that keeps every rule ({@link OversizeAction#RESIZE})
 * or refused; the reason names the figures. Orders that only reduce a position, and spot instruments
 * (leverage 1, nothing to liquidate), always pass.
 */
public final class LeverageLimitPolicy implements RiskPolicy {

    /** The rules, by name, as the provider reads them. */
    public record Rules(String maxLeverageRule, Optional<BigDecimal> maxLeverage, String minDistanceRule, Optional<BigDecimal> minDistance,
                        String minAtrsRule, Optional<BigDecimal> minAtrs, OversizeAction action) {

        /** The names of the rules that are set, e.g. "max-leverage / min-liquidation-atr". */
        String names() {
            List<String> set = new ArrayList<>();
            if (maxLeverage.isPresent()) set.add(maxLeverageRule);
            if (minDistance.isPresent()) set.add(minDistanceRule);
            if (minAtrs.isPresent()) set.add(minAtrsRule);
            return String.join(" / ", set);
        }
    }

    private final String name;
    private final Rules rules;
    private final TrueRangeReading atr;

    public LeverageLimitPolicy(String name, Rules rules, TrueRangeReading atr) {
        this.name = name;
        this.rules = rules;
        this.atr = atr;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        Instrument instrument = ctx.instrument(intent.symbol());
        if (!instrument.isDerivative() || Exposure.reduces(intent, ctx)) return RiskDecision.allow();
        Optional<BigDecimal> price = Exposure.referencePrice(intent, ctx);
        if (price.isEmpty()) return RiskDecision.block("no price to value the " + intent.symbol() + " position against " + rules.names());
        Optional<BigDecimal> range = Optional.empty();
        if (rules.minAtrs().isPresent()) {
            range = atr.atr(intent.symbol(), ctx);
            if (range.isEmpty()) {
                return RiskDecision.block(rules.minAtrsRule() + " needs " + atr.period() + " bars of " + intent.symbol() + " for the ATR, there are "
                        + atr.barsAvailable(intent.symbol(), ctx));
            }
        }
        Position held = ctx.position(intent.symbol());
        BigDecimal leverage = held.leverage();
        Optional<String> breach = breach(PositionAfter.of(instrument, held, intent, intent.quantity(), price.get(), leverage), price.get(), range);
        if (breach.isEmpty()) return RiskDecision.allow();
        String why = breach.get();
        if (rules.action() == OversizeAction.BLOCK) return RiskDecision.block(why);
        BigDecimal room = largestKeepingTheRules(instrument, held, intent, price.get(), leverage, range);
        if (room.signum() == 0) return RiskDecision.block(why + "; no smaller order keeps it");
        return Sizing.shrinkOrBlock(intent, instrument, room, price.get(), why);
    }

    /**
     * The largest quantity, in whole steps below the order's, whose resulting position keeps every rule;
     * zero when none does. Leverage and distance change monotonically with the quantity added to a position,
     * so a search over the steps finds the edge; the answer is checked again before it is used.
     */
    private BigDecimal largestKeepingTheRules(Instrument instrument, Position held, OrderIntent intent, BigDecimal price, BigDecimal leverage,
                                              Optional<BigDecimal> range) {
        BigDecimal step = instrument.stepSize();
        long low = 0;
        long high = intent.quantity().divide(step, 0, RoundingMode.DOWN).longValueExact();
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            BigDecimal q = step.multiply(BigDecimal.valueOf(mid));
            if (breach(PositionAfter.of(instrument, held, intent, q, price, leverage), price, range).isEmpty()) low = mid;
            else high = mid;
        }
        if (low == 0) return BigDecimal.ZERO;
        BigDecimal q = step.multiply(BigDecimal.valueOf(low));
        return breach(PositionAfter.of(instrument, held, intent, q, price, leverage), price, range).isEmpty() ? q : BigDecimal.ZERO;
    }

    /** The first rule the position breaks, as a reason with its figures; empty when it keeps them all. */
    private Optional<String> breach(PositionAfter after, BigDecimal price, Optional<BigDecimal> range) {
        String symbol = after.instrument().symbol();
        if (after.quantity().signum() == 0) return Optional.empty();
        if (rules.maxLeverage().isPresent()) {
            BigDecimal max = rules.maxLeverage().get();
            Optional<BigDecimal> lev = after.leverageAt(price);
            if (lev.isEmpty()) {
                return Optional.of((symbol + " position after the order has nothing backing it at " + Figures.plain(price) + " (margin plus"
                        + " unrealized PnL " + Figures.plain(after.backingAt(price)) + "), over " + rules.maxLeverageRule() + " " + Figures.plain(max)));
            }
            if (lev.get().compareTo(max) > 0) {
                return Optional.of((symbol + " position leverage " + Figures.plain(lev.get()) + " after the order (notional "
                        + Figures.plain(after.notionalAt(price)) + " on margin plus unrealized PnL " + Figures.plain(after.backingAt(price))
                        + ") exceeds " + rules.maxLeverageRule() + " " + Figures.plain(max)));
            }
        }
        Optional<BigDecimal> liquidation = after.liquidationPrice();
        if (liquidation.isEmpty()) return Optional.empty();
        BigDecimal distance = price.subtract(liquidation.get()).abs();
        String where = symbol + " liquidation price " + Figures.plain(liquidation.get()) + " after the order is " + Figures.plain(distance)
                + " (" + Figures.percent(distance.divide(price, MathContext.DECIMAL64)) + ") from the price " + Figures.plain(price);
        if (rules.minDistance().isPresent()) {
            BigDecimal min = rules.minDistance().get().multiply(price);
            if (distance.compareTo(min) < 0) {
                return Optional.of((where + ", closer than " + rules.minDistanceRule() + " " + Figures.plain(rules.minDistance().get())
                        + " (" + Figures.percent(rules.minDistance().get()) + ") = " + Figures.plain(min)));
            }
        }
        if (rules.minAtrs().isPresent()) {
            BigDecimal min = rules.minAtrs().get().multiply(range.orElseThrow());
            if (distance.compareTo(min) < 0) {
                return Optional.of((where + ", closer than " + rules.minAtrsRule() + " " + Figures.plain(rules.minAtrs().get()) + " x ATR("
                        + atr.period() + ") " + Figures.plain(range.get()) + " = " + Figures.plain(min)));
            }
        }
        return Optional.empty();
    }

    /** The highest leverage among the open perpetual positions, at their marks, against the cap. */
    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        List<LimitUsage> usage = new ArrayList<>();
        if (rules.maxLeverage().isEmpty()) return usage;
        BigDecimal highest = BigDecimal.ZERO;
        for (Position p : ctx.positions()) {
            Instrument instrument = ctx.instrument(p.symbol());
            if (p.isFlat() || !instrument.isDerivative()) continue;
            PositionAfter now = new PositionAfter(instrument, p.quantity(), p.averageCost(), p.leverage());
            BigDecimal mark = Exposure.markPrice(p, ctx);
            highest = highest.max(now.leverageAt(mark).orElse(rules.maxLeverage().get()));
        }
        usage.add(new LimitUsage(rules.maxLeverageRule(), highest, rules.maxLeverage().get()));
        return usage;
    }
}
