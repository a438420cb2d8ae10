package io.tradekit.advisor;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.UntrustedText;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The proposal sources and notifiers that can be named: every {@link ProposalSourceProvider} and
 * {@link NotifierProvider} a class loader's {@link ServiceLoader} finds. An unknown name is an error listing the
 * known ones.
 *
 * <pre>{@code ProposalSource rules = AdvisorPlugins.discover().source("grid-rules", Params.empty("grid-rules"));}</pre>
 */
public final class AdvisorPlugins {

    private final Map<String, ProposalSourceProvider> sources = new LinkedHashMap<>();
    private final Map<String, NotifierProvider> notifiers = new LinkedHashMap<>();

    private AdvisorPlugins() {
    }

    /**
     * Everything on this library's class loader.
     *
     * @return the sources and notifiers found
     * @throws io.tradekit.api.InvalidInputException if a declared provider cannot be loaded, or two different classes
     *         declare one name
     */
    public static AdvisorPlugins discover() {
        return discover(AdvisorPlugins.class.getClassLoader());
    }

    /**
     * Everything {@code loader} can see; a declared provider that cannot be loaded is an error, never left out silently.
     * Two different classes declaring one name are refused, naming both, rather than one silently replacing the other.
     *
     * @param loader the class loader whose {@code META-INF/services} entries are read
     * @return the sources and notifiers found
     * @throws io.tradekit.api.InvalidInputException if a declared provider cannot be loaded, or two different classes
     *         declare one name
     */
    public static AdvisorPlugins discover(ClassLoader loader) {
        AdvisorPlugins p = new AdvisorPlugins();
        java.util.List<ProposalSourceProvider> sources = new java.util.ArrayList<>();
        java.util.List<NotifierProvider> notifiers = new java.util.ArrayList<>();
        try {
            ServiceLoader.load(ProposalSourceProvider.class, loader).forEach(sources::add);
            ServiceLoader.load(NotifierProvider.class, loader).forEach(notifiers::add);
        } catch (ServiceConfigurationError e) {
            throw new InvalidInputException("a plugin declares an advisor provider that cannot be loaded: "
                    + UntrustedText.printable(String.valueOf(e.getMessage()), 300, false), e);
        }
        for (ProposalSourceProvider s : io.tradekit.core.Plugins.oneByName("ProposalSourceProvider", sources, ProposalSourceProvider::name)) {
            p.sources.put(s.name(), s);
        }
        for (NotifierProvider n : io.tradekit.core.Plugins.oneByName("NotifierProvider", notifiers, NotifierProvider::name)) {
            p.notifiers.put(n.name(), n);
        }
        return p;
    }

    /**
     * A new source named {@code name} with {@code settings}.
     *
     * @param name     the source's provider name, e.g. {@code grid-rules}
     * @param settings the source's settings
     * @return a new source from that provider
     * @throws io.tradekit.api.InvalidInputException if no provider has that name (the message lists the known
     *         ones) or a setting is wrong
     */
    public ProposalSource source(String name, Params settings) {
        ProposalSourceProvider provider = sources.get(name);
        if (provider == null) throw unknown("proposal source", name, sources.keySet());
        return provider.create(settings);
    }

    /**
     * A new notifier named {@code name} with {@code settings}.
     *
     * @param name     the notifier's provider name, e.g. {@code webhook}
     * @param settings the notifier's settings
     * @return a new notifier from that provider
     * @throws io.tradekit.api.InvalidInputException if no provider has that name (the message lists the known
     *         ones) or a setting is wrong
     */
    public Notifier notifier(String name, Params settings) {
        NotifierProvider provider = notifiers.get(name);
        if (provider == null) throw unknown("notifier", name, notifiers.keySet());
        return provider.create(settings);
    }

    private static InvalidInputException unknown(String what, String name, java.util.Set<String> known) {
        return new InvalidInputException("unknown " + what + " " + UntrustedText.quote(name) + "; known: " + String.join(", ", new TreeSet<>(known)));
    }
}
