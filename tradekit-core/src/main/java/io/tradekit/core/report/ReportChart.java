package io.tradekit.core.report;

/**
 * A picture in a {@link ReportSection}: one series over time ({@link LineChart}), or prices with
 * horizontal levels and trade markers ({@link PriceChart}). The page draws each as an inline SVG.
 */
public sealed interface ReportChart permits LineChart, PriceChart {

    /**
     * The heading shown above the picture.
     *
     * @return the title
     */
    String title();
}
