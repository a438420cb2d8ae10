package io.tradekit.advisor;

import io.tradekit.api.Params;

/**
 * Makes a {@link Notifier} by name; found through {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.tradekit.advisor.NotifierProvider}). Settings never hold a secret: a notifier that
 * needs a token or signing key reads it from the environment variable its settings name.
 */
public interface NotifierProvider {

    /**
     * The name users write, e.g. {@code webhook} or {@code telegram}.
     *
     * @return the provider's name, unique among notifier providers
     */
    String name();

    /**
     * A new notifier; a wrong setting is an {@link io.tradekit.api.InvalidInputException} naming it.
     *
     * @param settings the notifier's settings as text; a secret is read from the environment variable they name
     * @return a new notifier
     * @throws io.tradekit.api.InvalidInputException if a setting is missing or wrong, or a named environment variable is unset
     */
    Notifier create(Params settings);
}
