package io.tradekit.examples.packaging;

import io.tradekit.binance.BinanceAdapter;
import io.tradekit.binance.sim.BinanceSimulator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Binance simulator ships in its own artifact, never inside the production adapter: the entries of
 * the artifact the adapter class comes from (its jar in a Maven build, its class directory in an IDE)
 * hold the adapter and no simulator class.
 */
class AdapterJarHoldsNoSimulatorTest {

    private static List<String> entriesOf(Class<?> type) throws IOException, URISyntaxException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                return files.filter(Files::isRegularFile).map(f -> location.relativize(f).toString().replace('\\', '/')).toList();
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.stream().map(java.util.jar.JarEntry::getName).toList();
        }
    }

    @Test
    void theBinanceAdapterArtifactHoldsNoSimulatorClass() throws Exception {
        List<String> adapter = entriesOf(BinanceAdapter.class);
        assertThat(adapter).as("the adapter artifact's entries").contains("io/tradekit/binance/BinanceAdapter.class")
                .noneMatch(e -> e.startsWith("io/tradekit/binance/sim/"));
        List<String> simulator = entriesOf(BinanceSimulator.class);
        assertThat(simulator).as("the simulator artifact's entries").contains("io/tradekit/binance/sim/BinanceSimulator.class")
                .noneMatch(e -> e.startsWith("io/tradekit/binance/internal/"));
    }
}
