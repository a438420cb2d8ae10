/**
 * Risk for tradekit bots: the {@link io.tradekit.api.spi.RiskPolicy} implementations that enforce
 * {@link io.tradekit.api.RiskLimits}, and the analytics a host or an operator reads.
 *
 * <p><b>Policies.</b> This package's {@link io.tradekit.api.spi.RiskPolicyProvider} implementations, listed in
 * {@code META-INF/services}, give the engine a policy for each limit rule (daily loss, drawdown, position, order
 * notional, exposure, leverage, open orders, order rate, price band, stale data, loss streak, loss cooldown, risk of
 * ruin, volatility-scaled limits); the engine finds them with {@link java.util.ServiceLoader} when this jar is on
 * the classpath. A host does not create policies itself: it sets limits with {@code RiskLimits.builder()}, and the
 * bot's builder refuses a limit that no policy on the classpath enforces. The policies
 * run on the bot's event loop.
 *
 * <p><b>Analytics.</b> {@link io.tradekit.risk.RiskAssessor} builds a {@link io.tradekit.risk.RiskReport}
 * (levels, findings, recommendations) from a {@link io.tradekit.api.spi.RiskContext};
 * {@link io.tradekit.risk.RiskMonitor} re-assesses and alerts when the level changes. The parts can be used
 * alone: {@link io.tradekit.risk.RegimeDetector} (market regime from ta4j's ADX, ATR and volatility),
 * {@link io.tradekit.risk.ValueAtRisk} and {@link io.tradekit.risk.ReturnSeries} (VaR and expected
 * shortfall), {@link io.tradekit.risk.Correlation}, {@link io.tradekit.risk.StressTest} with
 * {@link io.tradekit.risk.PriceShock}, and {@link io.tradekit.risk.RiskOfRuin}.
 *
 * <p>Fractions are fractions throughout (0.05 is 5 %); money is in the account's quote currency.
 */
package io.tradekit.risk;
