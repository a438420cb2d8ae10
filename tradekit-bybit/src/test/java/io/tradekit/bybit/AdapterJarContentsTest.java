package io.tradekit.bybit;

import io.tradekit.bybit.sim.BybitSimulator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator is a separate artifact: the adapter's classes (its jar, or its output directory before packaging) hold none of it. */
class AdapterJarContentsTest {

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<String> entries(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                return files.filter(Files::isRegularFile).map(p -> location.relativize(p).toString().replace('\\', '/')).toList();
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.stream().map(e -> e.getName()).toList();
        }
    }

    @Test
    void theAdapterCarriesNoSimulatorClassAndTheSimulatorComesFromItsOwnArtifact() throws Exception {
        Path adapter = location(BybitAdapter.class);
        Path simulator = location(BybitSimulator.class);

        List<String> adapterEntries = entries(adapter);
        assertThat(adapterEntries).contains("io/tradekit/bybit/BybitAdapter.class", "META-INF/services/io.tradekit.api.spi.ExchangeAdapterProvider");
        assertThat(adapterEntries).noneMatch(e -> e.startsWith("io/tradekit/bybit/sim/"));
        assertThat(simulator).isNotEqualTo(adapter);
        assertThat(entries(simulator)).contains("io/tradekit/bybit/sim/BybitSimulator.class");
    }
}
