/**
 * What went wrong and what to do about it: {@link io.tradekit.core.errors.ErrorClassifier} gives any
 * failure an {@link io.tradekit.api.ErrorCategory} and a {@link io.tradekit.api.RecoveryAction} (and says
 * whether a failed new order may be at the venue), {@link io.tradekit.core.errors.ErrorSummary} counts
 * errors over a sliding window, and {@link io.tradekit.core.errors.HealthMonitor} turns streams that are
 * down, error rates and stale data into a safety verdict.
 */
package io.tradekit.core.errors;
