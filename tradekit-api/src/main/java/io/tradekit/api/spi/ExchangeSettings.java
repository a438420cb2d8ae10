package io.tradekit.api.spi;

import io.tradekit.api.Credentials;
import io.tradekit.api.Params;

import java.util.Objects;
import java.util.Optional;

/** What an {@link ExchangeAdapterProvider} needs to make an adapter: settings (base URLs...) and credentials. */
public record ExchangeSettings(Params params, Optional<Credentials> credentials) {
    public ExchangeSettings {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(credentials, "credentials");
    }
}
