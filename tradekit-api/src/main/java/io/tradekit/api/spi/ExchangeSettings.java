package io.tradekit.api.spi;

import io.tradekit.api.Credentials;
import io.tradekit.api.Params;

import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link ExchangeAdapterProvider} needs to make an adapter: settings (base URLs...) and credentials.
 *
 * @param params      the adapter's settings by name
 * @param credentials the API key and secret; empty for market data only
 */
public record ExchangeSettings(Params params, Optional<Credentials> credentials) {
    /** Checks that both are given. */
    public ExchangeSettings {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(credentials, "credentials");
    }
}
