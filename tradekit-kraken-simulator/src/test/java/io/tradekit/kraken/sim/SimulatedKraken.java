package io.tradekit.kraken.sim;

import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.Params;
import io.tradekit.api.spi.ExchangeSettings;
import io.tradekit.kraken.KrakenAdapter;
import io.tradekit.kraken.KrakenConfig;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * A simulator and adapters pointed at it. Every fixture has its own API key (so that the JVM-wide call
 * counters of one test never leak into another) and its own nonce file.
 */
final class SimulatedKraken implements AutoCloseable {

    final KrakenSimulator sim;
    final Credentials credentials;
    final Path nonceFile;
    private final List<KrakenAdapter> adapters = new ArrayList<>();

    SimulatedKraken(List<Bar> bars, int initialBars) {
        this(bars, initialBars, o -> o);
    }

    SimulatedKraken(List<Bar> bars, int initialBars, UnaryOperator<KrakenSimulator.Options> tweak) {
        byte[] secret = new byte[64];
        new SecureRandom().nextBytes(secret);
        this.credentials = new Credentials("key-" + UUID.randomUUID(), Base64.getEncoder().encodeToString(secret));
        KrakenSimulator.Options options = KrakenSimulator.Options.of(bars).withPair(PairSpec.ethUsd()).withInitialBars(initialBars)
                .withCredentials(credentials);
        this.sim = KrakenSimulator.start(tweak.apply(options));
        try {
            this.nonceFile = Files.createTempDirectory("kraken-nonce").resolve("nonce");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The adapter parameters for this simulator with fast reconnects, plus {@code extra}. */
    Map<String, String> params(Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(sim.adapterParams());
        params.put("reconnectInitialMs", "50");
        params.put("reconnectMaxMs", "400");
        params.put("requestTimeoutMs", "3000");
        params.put("nonceFile", nonceFile.toString());
        params.putAll(extra);
        return params;
    }

    KrakenAdapter adapter(Map<String, String> extra) {
        KrakenAdapter adapter = new KrakenAdapter(KrakenConfig.from(new ExchangeSettings(Params.of("kraken", params(extra)), Optional.of(credentials))));
        adapters.add(adapter);
        return adapter;
    }

    KrakenAdapter adapter() {
        return adapter(Map.of());
    }

    String symbol() {
        return sim.pair().altname();
    }

    BigDecimal base() {
        return sim.total(sim.pair().base());
    }

    /** Waits up to 15 s for {@code condition}. */
    static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 15 s: " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    @Override
    public void close() {
        for (KrakenAdapter a : adapters) a.close();
        sim.close();
        // The nonce file and its directory are this fixture's own: a test run leaves nothing behind in the temp directory.
        try {
            Files.deleteIfExists(nonceFile);
            Files.deleteIfExists(nonceFile.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not remove the simulator's nonce directory " + nonceFile.getParent(), e);
        }
    }
}
