/**
 * The service provider interface: what a host or a plug-in implements to extend a bot. Each plug-in kind has a
 * {@code *Provider} factory that {@link java.util.ServiceLoader} finds (list the class in
 * {@code META-INF/services/<provider interface name>}), so a bot can name it in configuration:
 * <ul>
 *   <li>{@link io.tradekit.api.spi.Strategy}, made by a {@link io.tradekit.api.spi.StrategyProvider}: the trading
 *       logic, called on the bot's loop thread with a {@link io.tradekit.api.spi.StrategyContext};</li>
 *   <li>{@link io.tradekit.api.spi.RiskPolicy}, made by a {@link io.tradekit.api.spi.RiskPolicyProvider} for the
 *       {@link io.tradekit.api.RiskLimits} rules it enforces: allows, resizes or blocks each order
 *       ({@link io.tradekit.api.spi.RiskDecision}) and may ask for a safety action
 *       ({@link io.tradekit.api.spi.SafetyVerdict});</li>
 *   <li>{@link io.tradekit.api.spi.ExchangeAdapter}, made by an {@link io.tradekit.api.spi.ExchangeAdapterProvider}:
 *       one venue's REST calls and streams; its methods may block, the engine calls them off the loop;</li>
 *   <li>{@link io.tradekit.api.spi.StateStore}, made by a {@link io.tradekit.api.spi.StateStoreProvider}: the
 *       journal that lets a bot resume after a restart.</li>
 * </ul>
 * A strategy, an adapter or a store may also be handed to the bot's builder as an instance instead of by name.
 */
package io.tradekit.api.spi;
