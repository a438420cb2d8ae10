package io.tradekit.strategies.confluence;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyProvider;
import io.tradekit.core.Plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes a {@link Confluence} under the name {@code confluence}; its members are strategies found by name among the
 * plugins (see {@link ConfluenceParameters} for every parameter). {@link #parameters()} lists the confluence's own
 * names; a member's, {@code <id>.<name>}, are checked by the member's provider.
 */
public final class ConfluenceProvider implements StrategyProvider {

    /** The name users write. */
    public static final String NAME = "confluence";

    private final Plugins plugins;

    /** Finds members among the plugins on the context class loader. */
    public ConfluenceProvider() {
        this(null);
    }

    /**
     * Finds members among {@code plugins}.
     *
     * @param plugins the plugins to find member strategies in; null for the context class loader's, looked up
     *                when a confluence is made
     */
    public ConfluenceProvider(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> parameters() {
        return ConfluenceParameters.topLevelNames();
    }

    @Override
    public Strategy create(Params params) {
        ConfluenceParameters settings = ConfluenceParameters.read(params);
        Plugins found = plugins != null ? plugins : Plugins.discover();
        List<Member> members = new ArrayList<>();
        for (ConfluenceParameters.MemberSpec spec : settings.members()) {
            Strategy strategy;
            try {
                strategy = found.strategy(spec.strategy()).create(spec.params());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(ConfluenceParameters.OWNER + ": member '" + spec.id() + "': " + e.getMessage(), e);
            }
            members.add(new Member(spec.id(), spec.strategy(), strategy, spec.weight(), spec.timeframe(), spec.regimeMultipliers()));
        }
        return new Confluence(settings, members);
    }
}
