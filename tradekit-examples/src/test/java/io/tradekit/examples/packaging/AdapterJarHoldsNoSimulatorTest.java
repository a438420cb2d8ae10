package io.tradekit.examples.packaging;

import io.tradekit.binance.BinanceAdapter;
import io.tradekit.binance.sim.BinanceSimulator;
import io.tradekit.bybit.BybitAdapter;
import io.tradekit.bybit.sim.BybitSimulator;
import io.tradekit.kraken.KrakenAdapter;
import io.tradekit.kraken.sim.KrakenSimulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each venue's simulator ships in its own artifact, never inside the production adapter: the entries of
 * the artifact the adapter class comes from (its jar in a Maven build, its class directory in an IDE)
 * hold the adapter and no simulator class, and the simulator's artifact holds none of the adapter's internals.
 */
class AdapterJarHoldsNoSimulatorTest {

    static Stream<Arguments> venues() {
        return Stream.of(Arguments.of("binance", BinanceAdapter.class, BinanceSimulator.class),
                Arguments.of("bybit", BybitAdapter.class, BybitSimulator.class),
                Arguments.of("kraken", KrakenAdapter.class, KrakenSimulator.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("venues")
    void theAdapterArtifactHoldsNoSimulatorClass(String venue, Class<?> adapterClass, Class<?> simulatorClass) throws Exception {
        String base = "io/tradekit/" + venue + "/";
        List<String> adapter = entriesOf(adapterClass);
        assertThat(adapter).as("the %s adapter artifact's entries", venue).contains(base + adapterClass.getSimpleName() + ".class")
                .noneMatch(e -> e.startsWith(base + "sim/"));
        List<String> simulator = entriesOf(simulatorClass);
        assertThat(simulator).as("the %s simulator artifact's entries", venue).contains(base + "sim/" + simulatorClass.getSimpleName() + ".class")
                .noneMatch(e -> e.startsWith(base + "internal/"));
    }

    private static List<String> entriesOf(Class<?> type) throws IOException, URISyntaxException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                return files.filter(Files::isRegularFile).map(f -> location.relativize(f).toString().replace('\\', '/')).toList();
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.stream().map(JarEntry::getName).toList();
        }
    }
}
