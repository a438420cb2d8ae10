package io.tradekit.advisor;

import java.util.Objects;
import java.util.Optional;

/**
 * One parameter a proposal changes: its key, the value the bot runs with now (empty when the bot relies on
 * the strategy's default) and the value proposed. Values are text, as in {@link io.tradekit.api.Params}.
 */
public record ParameterChange(String key, Optional<String> current, String proposed) {
    public ParameterChange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(proposed, "proposed");
    }

    /** A change of {@code key} from {@code params}' value (if any) to {@code proposed}. */
    public static ParameterChange of(io.tradekit.api.Params params, String key, String proposed) {
        return new ParameterChange(key, params.text(key), proposed);
    }
}
