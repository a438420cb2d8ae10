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
 */
public record AdviceContext(String botId, String strategy, Params params, BotFigures figures, List<Bar> bars, Instant now) {
    public AdviceContext {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(figures, "figures");
        bars = List.copyOf(bars);
        Objects.requireNonNull(now, "now");
    }
}
