package io.tradekit.kraken.sim;

import io.tradekit.kraken.KrakenAdapter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The production adapter ships without the simulator: it lives only in this module's artifact. */
class AdapterJarTest {

    @Test
    void theAdapterArtifactHoldsNoSimulatorClass() throws IOException, URISyntaxException {
        Path location = Path.of(KrakenAdapter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>();
        if (Files.isRegularFile(location)) {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().forEach(e -> entries.add(e.getName()));
            }
        } else {
            // built without packaging (e.g. `mvn test`): the classes directory is what the jar would hold
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(Files::isRegularFile).forEach(f -> entries.add(location.relativize(f).toString().replace('\\', '/')));
            }
        }

        assertThat(entries).contains("io/tradekit/kraken/KrakenAdapter.class",
                "META-INF/services/io.tradekit.api.spi.ExchangeAdapterProvider");
        assertThat(entries).noneMatch(name -> name.startsWith("io/tradekit/kraken/sim/"));
        assertThat(entries).noneMatch(name -> name.contains("Simulator"));
    }

    @Test
    void theSimulatorUsesNoneOfTheAdaptersCode() throws IOException, URISyntaxException {
        Path classes = Path.of(KrakenSimulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String bytes = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (bytes.contains("io/tradekit/kraken/internal/") || bytes.contains("io/tradekit/kraken/Kraken")) offenders.add(f.toString());
            }
        }
        assertThat(offenders).as("simulator classes that reference the adapter (signing, parsing must be the simulator's own)").isEmpty();
    }
}
