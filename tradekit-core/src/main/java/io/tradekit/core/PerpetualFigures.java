package io.tradekit.core;

import io.tradekit.core.report.ReportMetric;
import io.tradekit.core.report.ReportMetric.Unit;
import io.tradekit.core.report.ReportSection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run on a perpetual did beyond spot figures: the leverage it was set to, funding paid and received
 * (quote asset, both zero or more), the highest leverage it used (gross position notional at the mark over
 * equity, checked at every mark the bot saw), the closest the mark came to a position's liquidation price
 * (as a fraction of the mark, with when and where), how many positions the venue liquidated and the liquidation
 * fees it charged for them.
 */
public record PerpetualFigures(BigDecimal leverage, BigDecimal fundingPaid, BigDecimal fundingReceived, BigDecimal maxLeverageUsed,
                               Optional<BigDecimal> closestLiquidationDistance, Optional<Instant> closestLiquidationAt,
                               Optional<BigDecimal> closestLiquidationPrice, int liquidations, BigDecimal liquidationFees) {
    public PerpetualFigures {
        Objects.requireNonNull(leverage, "leverage");
        Objects.requireNonNull(fundingPaid, "fundingPaid");
        Objects.requireNonNull(fundingReceived, "fundingReceived");
        Objects.requireNonNull(maxLeverageUsed, "maxLeverageUsed");
        Objects.requireNonNull(closestLiquidationDistance, "closestLiquidationDistance");
        Objects.requireNonNull(closestLiquidationAt, "closestLiquidationAt");
        Objects.requireNonNull(closestLiquidationPrice, "closestLiquidationPrice");
        Objects.requireNonNull(liquidationFees, "liquidationFees");
    }

    /** Funding received less funding paid: positive when the run earned funding. */
    public BigDecimal netFunding() {
        return fundingReceived.subtract(fundingPaid);
    }

    /** These figures as a report section ({@code perpetual} in {@code summary.json}). */
    public ReportSection section() {
        List<ReportMetric> metrics = new ArrayList<>();
        metrics.add(new ReportMetric("leverage", "leverage set", leverage, Unit.RATIO));
        metrics.add(new ReportMetric("fundingPaid", "funding paid", fundingPaid, Unit.MONEY));
        metrics.add(new ReportMetric("fundingReceived", "funding received", fundingReceived, Unit.MONEY));
        metrics.add(new ReportMetric("netFunding", "net funding", netFunding(), Unit.MONEY));
        metrics.add(new ReportMetric("maxLeverageUsed", "max leverage used", maxLeverageUsed, Unit.RATIO));
        closestLiquidationDistance.ifPresent(d -> metrics.add(new ReportMetric("closestLiquidationDistance",
                "closest approach to liquidation", d, Unit.FRACTION)));
        closestLiquidationPrice.ifPresent(p -> metrics.add(new ReportMetric("closestLiquidationPrice", "liquidation price then", p, Unit.PRICE)));
        closestLiquidationAt.ifPresent(t -> metrics.add(new ReportMetric("closestLiquidationAt", "closest approach at", t.toString(), Unit.TEXT)));
        metrics.add(new ReportMetric("liquidations", "liquidations", liquidations, Unit.COUNT));
        metrics.add(new ReportMetric("liquidationFees", "liquidation fees", liquidationFees, Unit.MONEY));
        return ReportSection.ofMetrics("perpetual", "Perpetual futures", metrics);
    }
}
