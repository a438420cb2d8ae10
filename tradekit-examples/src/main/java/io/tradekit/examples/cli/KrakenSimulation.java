package io.tradekit.examples.cli;

import io.tradekit.api.Bar;
import io.tradekit.config.ExchangeConfig;
import io.tradekit.kraken.sim.KrakenSimulator;
import io.tradekit.kraken.sim.PairSpec;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tradekit simulate kraken}: the Kraken spot simulator over a data set, with the same block of
 * URLs, test key pair, configuration fragment and environment lines as {@code simulate binance}.
 */
final class KrakenSimulation {

    static final String VENUE = "kraken";

    private KrakenSimulation() {
    }

    static int run(Terminal terminal, List<Bar> loaded, Optional<String> symbolFlag, int port, int initial, long stepMs, BigDecimal cash) {
        PairSpec pair = pairFor(symbolFlag.orElse(loaded.getFirst().symbol()));
        List<Bar> bars = SimulateCommand.retimed(loaded, pair.altname(), initial, Instant.now());
        KrakenSimulator sim = KrakenSimulator.start(KrakenSimulator.Options.of(bars).withPair(pair).withPort(port).withInitialBars(initial)
                .withBalances(Map.of(pair.quote(), cash)));
        CountDownLatch killed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            killed.countDown();
        }, "tradekit-simulator-stop"));
        print(terminal, sim, pair, bars, initial, stepMs);
        sim.stepEvery(Duration.ofMillis(stepMs));
        try {
            killed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Kraken's pair for a data set's symbol: {@code ETH-USD} is {@code XETHZUSD} / {@code ETHUSD}, {@code BTC-USD} is {@code XXBTZUSD} / {@code XBTUSD}. */
    static PairSpec pairFor(String symbol) {
        String letters = symbol.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return switch (letters) {
            case "ETHUSD", "XETHZUSD", "ETHUSDT" -> PairSpec.ethUsd();
            case "BTCUSD", "XBTUSD", "XXBTZUSD", "BTCUSDT" -> PairSpec.xbtUsd();
            default -> {
                if (!letters.endsWith("USD") || letters.length() <= 3) {
                    throw new UsageException("simulate kraken: cannot tell the pair of '" + symbol + "'; use a data set quoted in USD");
                }
                String base = letters.substring(0, letters.length() - 3);
                yield new PairSpec(letters, letters, base + "/USD", base, "ZUSD", new BigDecimal("0.01"), 8, new BigDecimal("0.0001"),
                        new BigDecimal("0.5"), "online");
            }
        };
    }

    private static void print(Terminal terminal, KrakenSimulator sim, PairSpec pair, List<Bar> bars, int initial, long stepMs) {
        var o = terminal.out();
        o.println("kraken simulator: " + pair.altname() + " (" + pair.key() + ", " + pair.wsSymbol() + ") " + bars.getFirst().timeframe() + ", "
                + bars.size() + " bars (" + initial + " closed before the start, one more every " + stepMs + " ms)");
        o.println();
        o.println("  restUrl    " + sim.restUrl());
        o.println("  wsUrl      " + sim.wsUrl());
        o.println("  wsAuthUrl  " + sim.wsAuthUrl());
        o.println("  apiKey     " + sim.credentials().apiKey());
        o.println("  apiSecret  " + sim.credentials().secret() + "   (a test secret: the simulator's account accepts this pair only)");
        o.println();
        o.println("in the bot's configuration:");
        o.println("  \"exchange\": {\"name\": \"" + VENUE + "\", \"settings\": {\"restUrl\": \"" + sim.restUrl() + "\", \"wsUrl\": \""
                + sim.wsUrl() + "\", \"wsAuthUrl\": \"" + sim.wsAuthUrl() + "\"}}, \"symbol\": \"" + pair.altname() + "\", \"timeframe\": \""
                + bars.getFirst().timeframe() + "\"");
        o.println("in its environment:");
        o.println("  export " + ExchangeConfig.apiKeyVariable(VENUE) + "=" + sim.credentials().apiKey());
        o.println("  export " + ExchangeConfig.apiSecretVariable(VENUE) + "=" + sim.credentials().secret());
        o.println();
        o.println("running until killed (Ctrl-C)");
        o.flush();
    }
}
