package io.tradekit.advisor;

import java.util.List;

/**
 * Proposes parameter changes for a bot from its figures: rules, a language model or the optimizer. Made by a
 * {@link ProposalSourceProvider} found through {@link java.util.ServiceLoader}. A source only proposes; it never
 * changes a bot. It returns no proposal when it has nothing to change or cannot judge (a reason is logged), and
 * every value it proposes lies within the parameter's declared {@link ParameterRange}. {@link #propose} may block
 * (a network call, backtests): call it off the bot's loop.
 *
 * <pre>{@code List<Proposal> proposals = source.propose(new AdviceContext("btc-grid", "grid", params, figures, bars, Instant.now()));}</pre>
 */
public interface ProposalSource {

    /**
     * The name proposals carry as their {@link Proposal#source()}.
     *
     * @return the source's name
     */
    String name();

    /**
     * Whether this source can judge bots running {@code strategy} (a strategy's provider name, e.g. {@code grid}).
     *
     * @param strategy the name of a bot's strategy provider
     * @return true if {@link #propose} can say something about such a bot
     */
    boolean supports(String strategy);

    /**
     * The proposals for the bot in {@code context}; empty when there is nothing to propose. Never throws for bad figures or a failed call.
     *
     * @param context the bot's id, strategy, parameters, figures and recent bars
     * @return the proposals, each within the declared parameter ranges; empty when there is nothing to propose
     *         or the source cannot judge
     */
    List<Proposal> propose(AdviceContext context);
}
