package io.tradekit.binance;

import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.ExchangeAdapterProvider;
import io.tradekit.api.spi.ExchangeSettings;

/** Makes {@link BinanceAdapter}s for the venue name {@code binance}; registered for {@link java.util.ServiceLoader}. */
public final class BinanceAdapterProvider implements ExchangeAdapterProvider {

    /** Used by {@link java.util.ServiceLoader}, which needs a public no-argument constructor; the provider holds no state. */
    public BinanceAdapterProvider() {
    }

    @Override
    public String name() {
        return "binance";
    }

    @Override
    public ExchangeAdapter create(ExchangeSettings settings) {
        return new BinanceAdapter(BinanceConfig.from(settings));
    }
}
