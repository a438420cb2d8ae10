package io.tradekit.advisor;

import io.tradekit.api.Params;

/**
 * Makes a {@link ProposalSource} by name; found through {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.tradekit.advisor.ProposalSourceProvider}). Settings are plain text and never hold a
 * secret: a source that needs an API key reads it from the environment variable its settings name.
 */
public interface ProposalSourceProvider {

    /**
     * The name users write, e.g. {@code grid-rules}.
     *
     * @return the provider's name, unique among proposal source providers
     */
    String name();

    /**
     * A new source; a wrong setting is an {@link io.tradekit.api.InvalidInputException} naming it.
     *
     * @param settings the source's settings as text; a secret is read from the environment variable they name
     * @return a new source
     * @throws io.tradekit.api.InvalidInputException if a setting is missing or wrong, or a named environment variable is unset
     */
    ProposalSource create(Params settings);
}
