package io.tradekit.risk;

/** How a {@link TailRisk} was estimated. */
public enum VarMethod {
    /** From the sample itself: the loss at the tail's order statistic, and the mean of the losses beyond. */
    HISTORICAL,
    /** From a normal distribution with the sample's mean and standard deviation. */
    PARAMETRIC
}
