package io.tradekit.kraken;

import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.ExchangeAdapterProvider;
import io.tradekit.api.spi.ExchangeSettings;

/** Makes {@link KrakenAdapter}s for the venue name {@code kraken}; registered for {@link java.util.ServiceLoader}. */
public final class KrakenAdapterProvider implements ExchangeAdapterProvider {

    /** Used by {@link java.util.ServiceLoader}, which needs a public no-argument constructor; the provider holds no state. */
    public KrakenAdapterProvider() {
    }

    @Override
    public String name() {
        return "kraken";
    }

    @Override
    public ExchangeAdapter create(ExchangeSettings settings) {
        return new KrakenAdapter(KrakenConfig.from(settings));
    }
}
