package io.tradekit.advisor;

import java.util.Objects;
import java.util.Optional;

/**
 * One parameter a proposal changes: its key, the value the bot runs with now (empty when the bot relies on
 * the strategy's default) and the value proposed. Values are text, as in {@link io.tradekit.api.Params}.
 *
 * @param key      the parameter's name
 * @param current  the value the bot runs with now, or empty when it uses the strategy's default
 * @param proposed the value proposed
 */
public record ParameterChange(String key, Optional<String> current, String proposed) {
    /**
     * Checks that no component is null.
     *
     * @throws NullPointerException if a component is null
     */
    public ParameterChange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(proposed, "proposed");
    }

    /**
     * A change of {@code key} from {@code params}' value (if any) to {@code proposed}.
     *
     * @param params   the parameters the bot runs with now
     * @param key      the parameter's name
     * @param proposed the value proposed
     * @return the change, with {@code params}' value of {@code key} as the current one
     */
    public static ParameterChange of(io.tradekit.api.Params params, String key, String proposed) {
        return new ParameterChange(key, params.text(key), proposed);
    }
}
