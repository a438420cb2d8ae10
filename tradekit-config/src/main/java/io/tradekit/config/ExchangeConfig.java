package io.tradekit.config;

import io.tradekit.api.Credentials;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The venue a bot trades on: its adapter's name ({@code binance}), the adapter's settings (base URLs,
 * timeouts: see the adapter's own documentation, e.g. {@code io.tradekit.binance.BinanceConfig}) and the
 * API credentials, if any. {@link #toString()} never shows the credentials.
 *
 * @param name        the adapter's name, e.g. {@code binance}
 * @param settings    the adapter's settings by name; copied, unmodifiable
 * @param credentials the API key and secret, or empty when the mode needs none
 */
public record ExchangeConfig(String name, Map<String, String> settings, Optional<Credentials> credentials) {

    /**
     * Copies the settings and checks that name and credentials are given.
     *
     * @throws NullPointerException when name, settings or credentials is null, or a setting's key or value is null
     */
    public ExchangeConfig {
        Objects.requireNonNull(name, "name");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * The environment variable that holds the venue's API key: {@code TRADEKIT_BINANCE_API_KEY} for {@code binance}.
     *
     * @param venue the adapter's name; upper-cased, anything but letters and digits becoming {@code _}
     * @return the variable's name
     */
    public static String apiKeyVariable(String venue) {
        return "TRADEKIT_" + envName(venue) + "_API_KEY";
    }

    /**
     * The environment variable that holds the venue's API secret: {@code TRADEKIT_BINANCE_API_SECRET} for {@code binance}.
     *
     * @param venue the adapter's name; upper-cased, anything but letters and digits becoming {@code _}
     * @return the variable's name
     */
    public static String apiSecretVariable(String venue) {
        return "TRADEKIT_" + envName(venue) + "_API_SECRET";
    }

    private static String envName(String venue) {
        return venue.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * The name and settings, with the credentials shown only as {@code ***} or {@code none}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "ExchangeConfig[name=" + name + ", settings=" + settings + ", credentials=" + (credentials.isPresent() ? "***" : "none") + "]";
    }
}
