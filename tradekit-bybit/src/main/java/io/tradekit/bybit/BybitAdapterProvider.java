package io.tradekit.bybit;

import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.ExchangeAdapterProvider;
import io.tradekit.api.spi.ExchangeSettings;

/** Makes {@link BybitAdapter}s for the venue name {@code bybit}; registered for {@link java.util.ServiceLoader}. */
public final class BybitAdapterProvider implements ExchangeAdapterProvider {

    /** Used by {@link java.util.ServiceLoader}, which needs a public no-argument constructor; the provider holds no state. */
    public BybitAdapterProvider() {
    }

    @Override
    public String name() {
        return "bybit";
    }

    @Override
    public ExchangeAdapter create(ExchangeSettings settings) {
        return new BybitAdapter(BybitConfig.from(settings));
    }
}
