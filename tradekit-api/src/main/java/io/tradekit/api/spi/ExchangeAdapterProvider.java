package io.tradekit.api.spi;

/** Makes an {@link ExchangeAdapter} by venue name; found through {@link java.util.ServiceLoader}. */
public interface ExchangeAdapterProvider {

    String name();

    ExchangeAdapter create(ExchangeSettings settings);
}
