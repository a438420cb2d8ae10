package io.tradekit.core;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.spi.ExchangeAdapterProvider;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.api.spi.StateStoreProvider;
import io.tradekit.api.spi.StrategyProvider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The strategies, risk policies, exchange adapters and state stores a bot can name: found through
 * {@link ServiceLoader} on a class loader, plus any registered by hand. An unknown name is an error
 * that lists the known ones.
 *
 * <pre>{@code Plugins plugins = Plugins.discover(myPluginClassLoader).register(new MyStrategyProvider());}</pre>
 * <p>Not thread-safe: register everything before the instance is shared, then only look up.
 */
public final class Plugins {

    private final Map<String, StrategyProvider> strategies = new LinkedHashMap<>();
    private final Map<String, ExchangeAdapterProvider> exchanges = new LinkedHashMap<>();
    private final Map<String, StateStoreProvider> stores = new LinkedHashMap<>();
    private final List<RiskPolicyProvider> riskProviders = new ArrayList<>();

    private Plugins() {
    }

    /**
     * Everything on the context class loader (or this library's, when there is none).
     *
     * @return the providers found
     * @throws InvalidInputException if a provider is declared but cannot be loaded, or two different classes declare one name
     */
    public static Plugins discover() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return discover(cl != null ? cl : Plugins.class.getClassLoader());
    }

    /**
     * Every provider {@code loader} can see.
     *
     * @throws InvalidInputException if a provider is declared but cannot be loaded (a missing or broken class in
     *                               a plugin jar): a plugin is never silently left out; or if two different classes
     *                               declare one name: neither silently replaces the other
     * @param loader the class loader whose {@code META-INF/services} entries are read
     * @return the providers found
     */
    public static Plugins discover(ClassLoader loader) {
        Plugins p = new Plugins();
        load(StrategyProvider.class, loader, StrategyProvider::name, p::register);
        load(ExchangeAdapterProvider.class, loader, ExchangeAdapterProvider::name, p::register);
        load(StateStoreProvider.class, loader, StateStoreProvider::name, p::register);
        load(RiskPolicyProvider.class, loader, RiskPolicyProvider::name, p::register);
        return p;
    }

    private static <T> void load(Class<T> type, ClassLoader loader, java.util.function.Function<T, String> name,
                                 java.util.function.Consumer<T> register) {
        List<T> found = new ArrayList<>();
        try {
            ServiceLoader.load(type, loader).forEach(found::add);
        } catch (java.util.ServiceConfigurationError e) {
            throw new InvalidInputException("a plugin declares a " + type.getSimpleName() + " that cannot be loaded: "
                    + io.tradekit.api.UntrustedText.printable(String.valueOf(e.getMessage()), 300, false)
                    + (e.getCause() != null ? " (" + io.tradekit.api.UntrustedText.printable(String.valueOf(e.getCause()), 300, false) + ")" : ""), e);
        }
        for (T provider : oneByName(type.getSimpleName(), found, name)) register.accept(provider);
    }

    /**
     * The providers discovered, each name once: two different classes declaring the same name are refused, naming both,
     * rather than one silently taking the other's place (which one ServiceLoader finds last depends on the class path's
     * order). The same class found twice (one jar on the class path twice) counts once. Shared by every discovery of
     * named plugins.
     *
     * @param kind what the providers are, for the message (e.g. {@code StrategyProvider})
     * @param found the providers in the order they were found
     * @param name a provider's name
     * @param <T> the provider type
     * @return the providers, each name once, in the order found
     * @throws InvalidInputException if two different classes declare one name
     */
    public static <T> List<T> oneByName(String kind, List<T> found, java.util.function.Function<T, String> name) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (T provider : found) {
            String key = name.apply(provider);
            T earlier = byName.putIfAbsent(key, provider);
            if (earlier != null && !earlier.getClass().getName().equals(provider.getClass().getName())) {
                throw new InvalidInputException("two plugins declare a " + kind + " named '"
                        + io.tradekit.api.UntrustedText.printable(String.valueOf(key), 100, false) + "': " + earlier.getClass().getName()
                        + " and " + provider.getClass().getName() + "; remove one from the class path, or register the one to use by hand");
            }
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * Adds a strategy provider by hand; it replaces one already known under the same {@link StrategyProvider#name()}.
     *
     * @param provider the provider
     * @return this, for chaining
     */
    public Plugins register(StrategyProvider provider) {
        strategies.put(provider.name(), provider);
        return this;
    }

    /**
     * Adds an exchange adapter provider by hand; it replaces one already known under the same name.
     *
     * @param provider the provider
     * @return this, for chaining
     */
    public Plugins register(ExchangeAdapterProvider provider) {
        exchanges.put(provider.name(), provider);
        return this;
    }

    /**
     * Adds a state store provider by hand; it replaces one already known under the same name.
     *
     * @param provider the provider
     * @return this, for chaining
     */
    public Plugins register(StateStoreProvider provider) {
        stores.put(provider.name(), provider);
        return this;
    }

    /**
     * Adds a risk policy provider by hand; it replaces one already known under the same name and goes last in
     * {@link #riskProviders()}.
     *
     * @param provider the provider
     * @return this, for chaining
     */
    public Plugins register(RiskPolicyProvider provider) {
        riskProviders.removeIf(p -> p.name().equals(provider.name()));
        riskProviders.add(provider);
        return this;
    }

    /**
     * The strategy provider registered under {@code name}.
     *
     * @param name the strategy's name, e.g. {@code sma-cross}
     * @return the provider
     * @throws InvalidInputException if no provider has that name; the message lists the known ones
     */
    public StrategyProvider strategy(String name) {
        StrategyProvider p = strategies.get(name);
        if (p == null) throw unknown("strategy", name, strategies.keySet());
        return p;
    }

    /**
     * The exchange adapter provider registered under {@code name}.
     *
     * @param name the venue's name, e.g. {@code binance} or {@code paper}
     * @return the provider
     * @throws InvalidInputException if no provider has that name; the message lists the known ones
     */
    public ExchangeAdapterProvider exchange(String name) {
        ExchangeAdapterProvider p = exchanges.get(name);
        if (p == null) throw unknown("exchange", name, exchanges.keySet());
        return p;
    }

    /**
     * The state store provider registered under {@code name}.
     *
     * @param name the store's name
     * @return the provider
     * @throws InvalidInputException if no provider has that name; the message lists the known ones
     */
    public StateStoreProvider store(String name) {
        StateStoreProvider p = stores.get(name);
        if (p == null) throw unknown("state store", name, stores.keySet());
        return p;
    }

    /**
     * Every risk policy provider, in the order found and registered.
     *
     * @return an unmodifiable copy
     */
    public List<RiskPolicyProvider> riskProviders() {
        return List.copyOf(riskProviders);
    }

    /**
     * The names of every known strategy.
     *
     * @return a sorted copy
     */
    public Set<String> strategyNames() {
        return new TreeSet<>(strategies.keySet());
    }

    /**
     * The names of every known exchange.
     *
     * @return a sorted copy
     */
    public Set<String> exchangeNames() {
        return new TreeSet<>(exchanges.keySet());
    }

    /**
     * Every limit rule some provider enforces.
     *
     * @return the rules of every risk provider, sorted; a limit whose rule is not here is enforced by no policy
     */
    public Set<String> enforcedRules() {
        Set<String> rules = new TreeSet<>();
        for (RiskPolicyProvider p : riskProviders) rules.addAll(p.rules());
        return rules;
    }

    private static InvalidInputException unknown(String kind, String name, Set<String> known) {
        String plural = kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
        return new InvalidInputException("unknown " + kind + " '" + name + "'; known " + plural
                + ": " + (known.isEmpty() ? "(none on the classpath)" : String.join(", ", new TreeSet<>(known))));
    }
}
