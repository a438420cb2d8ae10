package io.tradekit.advisor;

import io.tradekit.api.Bar;
import io.tradekit.api.Params;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ProposalSource} is given about one bot: its id, its strategy's name and parameters (never its
 * credentials), its figures, the recent closed bars it traded on (oldest first; may be empty) and the wall time
 * now, which a proposal's creation and expiry are measured from.
 *
 * @param botId    the bot's id
 * @param strategy the name of the bot's strategy provider, e.g. {@code grid}
 * @param params   the parameters the bot's strategy runs with now
 * @param figures  the bot's figures over the period it ran
 * @param bars     recent closed bars, oldest first; may be empty; copied, unmodifiable
 * @param now      the wall time now
 */
public record AdviceContext(String botId, String strategy, Params params, BotFigures figures, List<Bar> bars, Instant now) {
    /**
     * Checks the components and copies {@code bars}.
     *
     * @throws NullPointerException if a component is null or {@code bars} holds null
     */
    public AdviceContext {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(figures, "figures");
        bars = List.copyOf(bars);
        Objects.requireNonNull(now, "now");
    }
}
