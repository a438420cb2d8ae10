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
public final class PerpetualFigures {

    private final BigDecimal leverage;
    private final BigDecimal fundingPaid;
    private final BigDecimal fundingReceived;
    private final BigDecimal maxLeverageUsed;
    private final Optional<BigDecimal> closestLiquidationDistance;
    private final Optional<Instant> closestLiquidationAt;
    private final Optional<BigDecimal> closestLiquidationPrice;
    private final int liquidations;
    private final BigDecimal liquidationFees;

    private PerpetualFigures(BigDecimal leverage, BigDecimal fundingPaid, BigDecimal fundingReceived, BigDecimal maxLeverageUsed, Optional<BigDecimal> closestLiquidationDistance, Optional<Instant> closestLiquidationAt, Optional<BigDecimal> closestLiquidationPrice, int liquidations, BigDecimal liquidationFees) {
        Objects.requireNonNull(leverage, "leverage");
        Objects.requireNonNull(fundingPaid, "fundingPaid");
        Objects.requireNonNull(fundingReceived, "fundingReceived");
        Objects.requireNonNull(maxLeverageUsed, "maxLeverageUsed");
        Objects.requireNonNull(closestLiquidationDistance, "closestLiquidationDistance");
        Objects.requireNonNull(closestLiquidationAt, "closestLiquidationAt");
        Objects.requireNonNull(closestLiquidationPrice, "closestLiquidationPrice");
        Objects.requireNonNull(liquidationFees, "liquidationFees");
        this.leverage = leverage;
        this.fundingPaid = fundingPaid;
        this.fundingReceived = fundingReceived;
        this.maxLeverageUsed = maxLeverageUsed;
        this.closestLiquidationDistance = closestLiquidationDistance;
        this.closestLiquidationAt = closestLiquidationAt;
        this.closestLiquidationPrice = closestLiquidationPrice;
        this.liquidations = liquidations;
        this.liquidationFees = liquidationFees;
    }

    private PerpetualFigures(Builder b) {
        this(b.leverage, b.fundingPaid, b.fundingReceived, b.maxLeverageUsed, b.closestLiquidationDistance, b.closestLiquidationAt, b.closestLiquidationPrice, b.liquidations, b.liquidationFees);
    }

    /**
     * The leverage the run was set to.
     *
     * @return the leverage the run was set to
     */
    public BigDecimal leverage() {
        return leverage;
    }

    /**
     * Funding paid, in the quote asset (zero or more).
     *
     * @return funding paid, in the quote asset (zero or more)
     */
    public BigDecimal fundingPaid() {
        return fundingPaid;
    }

    /**
     * Funding received, in the quote asset (zero or more).
     *
     * @return funding received, in the quote asset (zero or more)
     */
    public BigDecimal fundingReceived() {
        return fundingReceived;
    }

    /**
     * The highest leverage used: gross position notional at the mark over equity, at every mark the bot saw.
     *
     * @return the highest leverage used: gross position notional at the mark over equity, at every mark the bot saw
     */
    public BigDecimal maxLeverageUsed() {
        return maxLeverageUsed;
    }

    /**
     * The closest the mark came to a position's liquidation price, as a fraction of the mark.
     *
     * @return the closest the mark came to a position's liquidation price, as a fraction of the mark
     */
    public Optional<BigDecimal> closestLiquidationDistance() {
        return closestLiquidationDistance;
    }

    /**
     * When the mark came closest to liquidation.
     *
     * @return when the mark came closest to liquidation
     */
    public Optional<Instant> closestLiquidationAt() {
        return closestLiquidationAt;
    }

    /**
     * The liquidation price at that closest approach.
     *
     * @return the liquidation price at that closest approach
     */
    public Optional<BigDecimal> closestLiquidationPrice() {
        return closestLiquidationPrice;
    }

    /**
     * How many positions the venue liquidated.
     *
     * @return how many positions the venue liquidated
     */
    public int liquidations() {
        return liquidations;
    }

    /**
     * The liquidation fees the venue charged, in the quote asset.
     *
     * @return the liquidation fees the venue charged, in the quote asset
     */
    public BigDecimal liquidationFees() {
        return liquidationFees;
    }


    /**
     * Funding received less funding paid.
     *
     * @return positive when the run earned funding
     */
    public BigDecimal netFunding() {
        return fundingReceived.subtract(fundingPaid);
    }

    /**
     * These figures as a report section.
     *
     * @return the {@code perpetual} section of {@code summary.json}
     */
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

    /** Equal when every figure is equal, as a record's would be. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PerpetualFigures that
                && java.util.Objects.equals(leverage, that.leverage)
                && java.util.Objects.equals(fundingPaid, that.fundingPaid)
                && java.util.Objects.equals(fundingReceived, that.fundingReceived)
                && java.util.Objects.equals(maxLeverageUsed, that.maxLeverageUsed)
                && java.util.Objects.equals(closestLiquidationDistance, that.closestLiquidationDistance)
                && java.util.Objects.equals(closestLiquidationAt, that.closestLiquidationAt)
                && java.util.Objects.equals(closestLiquidationPrice, that.closestLiquidationPrice)
                && liquidations == that.liquidations
                && java.util.Objects.equals(liquidationFees, that.liquidationFees);
    }

    /** Hashes every figure, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(leverage, fundingPaid, fundingReceived, maxLeverageUsed, closestLiquidationDistance, closestLiquidationAt, closestLiquidationPrice, liquidations, liquidationFees);
    }

    /** Every figure by name, as a record's would print. */
    @Override
    public String toString() {
        return "PerpetualFigures[" + "leverage=" + leverage + ", " + "fundingPaid=" + fundingPaid + ", " + "fundingReceived=" + fundingReceived + ", " + "maxLeverageUsed=" + maxLeverageUsed + ", " + "closestLiquidationDistance=" + closestLiquidationDistance + ", " + "closestLiquidationAt=" + closestLiquidationAt + ", " + "closestLiquidationPrice=" + closestLiquidationPrice + ", " + "liquidations=" + liquidations + ", " + "liquidationFees=" + liquidationFees + "]";
    }

    /**
     * A builder starting empty (lists empty, optional figures absent).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every figure of this one, to change a few.
     *
     * @return a builder preset to this
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.leverage = leverage;
        b.fundingPaid = fundingPaid;
        b.fundingReceived = fundingReceived;
        b.maxLeverageUsed = maxLeverageUsed;
        b.closestLiquidationDistance = closestLiquidationDistance;
        b.closestLiquidationAt = closestLiquidationAt;
        b.closestLiquidationPrice = closestLiquidationPrice;
        b.liquidations = liquidations;
        b.liquidationFees = liquidationFees;
        return b;
    }

    /** Collects the figures of a {@link PerpetualFigures}; a figure added later gets a default here, so no caller breaks. */
    public static final class Builder {
        private BigDecimal leverage;
        private BigDecimal fundingPaid = BigDecimal.ZERO;
        private BigDecimal fundingReceived = BigDecimal.ZERO;
        private BigDecimal maxLeverageUsed;
        private Optional<BigDecimal> closestLiquidationDistance = java.util.Optional.empty();
        private Optional<Instant> closestLiquidationAt = java.util.Optional.empty();
        private Optional<BigDecimal> closestLiquidationPrice = java.util.Optional.empty();
        private int liquidations;
        private BigDecimal liquidationFees = BigDecimal.ZERO;

        private Builder() {
        }

        /**
         * Sets the leverage the run was set to.
         *
         * @param leverage the leverage the run was set to
         * @return this builder
         */
        public Builder leverage(BigDecimal leverage) {
            this.leverage = leverage;
            return this;
        }

        /**
         * Sets funding paid, in the quote asset (zero or more).
         *
         * @param fundingPaid funding paid, in the quote asset (zero or more)
         * @return this builder
         */
        public Builder fundingPaid(BigDecimal fundingPaid) {
            this.fundingPaid = fundingPaid;
            return this;
        }

        /**
         * Sets funding received, in the quote asset (zero or more).
         *
         * @param fundingReceived funding received, in the quote asset (zero or more)
         * @return this builder
         */
        public Builder fundingReceived(BigDecimal fundingReceived) {
            this.fundingReceived = fundingReceived;
            return this;
        }

        /**
         * Sets the highest leverage used: gross position notional at the mark over equity, at every mark the bot saw.
         *
         * @param maxLeverageUsed the highest leverage used: gross position notional at the mark over equity, at every mark the bot saw
         * @return this builder
         */
        public Builder maxLeverageUsed(BigDecimal maxLeverageUsed) {
            this.maxLeverageUsed = maxLeverageUsed;
            return this;
        }

        /**
         * Sets the closest the mark came to a position's liquidation price, as a fraction of the mark.
         *
         * @param closestLiquidationDistance the closest the mark came to a position's liquidation price, as a fraction of the mark
         * @return this builder
         */
        public Builder closestLiquidationDistance(Optional<BigDecimal> closestLiquidationDistance) {
            this.closestLiquidationDistance = closestLiquidationDistance;
            return this;
        }

        /**
         * Sets when the mark came closest to liquidation.
         *
         * @param closestLiquidationAt when the mark came closest to liquidation
         * @return this builder
         */
        public Builder closestLiquidationAt(Optional<Instant> closestLiquidationAt) {
            this.closestLiquidationAt = closestLiquidationAt;
            return this;
        }

        /**
         * Sets the liquidation price at that closest approach.
         *
         * @param closestLiquidationPrice the liquidation price at that closest approach
         * @return this builder
         */
        public Builder closestLiquidationPrice(Optional<BigDecimal> closestLiquidationPrice) {
            this.closestLiquidationPrice = closestLiquidationPrice;
            return this;
        }

        /**
         * Sets how many positions the venue liquidated.
         *
         * @param liquidations how many positions the venue liquidated
         * @return this builder
         */
        public Builder liquidations(int liquidations) {
            this.liquidations = liquidations;
            return this;
        }

        /**
         * Sets the liquidation fees the venue charged, in the quote asset.
         *
         * @param liquidationFees the liquidation fees the venue charged, in the quote asset
         * @return this builder
         */
        public Builder liquidationFees(BigDecimal liquidationFees) {
            this.liquidationFees = liquidationFees;
            return this;
        }

        /**
         * The result of the figures set.
         *
         * @return the result
         */
        public PerpetualFigures build() {
            return new PerpetualFigures(this);
        }
    }
}
