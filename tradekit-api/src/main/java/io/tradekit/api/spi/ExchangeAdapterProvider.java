package io.tradekit.api.spi;

/** Makes an {@link ExchangeAdapter} by venue name; found through {@link java.util.ServiceLoader}. */
public interface ExchangeAdapterProvider {

    /**
     * The venue's name, as configurations write it.
     *
     * @return e.g. {@code binance}
     */
    String name();

    /**
     * A new adapter.
     *
     * @param settings base URLs and other parameters, and the credentials when trading
     * @return the adapter, not yet connected
     */
    ExchangeAdapter create(ExchangeSettings settings);
}
