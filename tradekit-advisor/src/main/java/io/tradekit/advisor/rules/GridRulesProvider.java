package io.tradekit.advisor.rules;

import io.tradekit.advisor.ProposalSource;
import io.tradekit.advisor.ProposalSourceProvider;
import io.tradekit.api.Params;

/** Makes {@link GridRuleSource} under the name {@code grid-rules}; settings as in {@link GridRuleSettings#from}. */
public final class GridRulesProvider implements ProposalSourceProvider {

    /** Used by {@link java.util.ServiceLoader}, which needs a public no-argument constructor; the provider holds no state. */
    public GridRulesProvider() {
    }

    @Override
    public String name() {
        return GridRuleSource.NAME;
    }

    @Override
    public ProposalSource create(Params settings) {
        return new GridRuleSource(GridRuleSettings.from(settings));
    }
}
