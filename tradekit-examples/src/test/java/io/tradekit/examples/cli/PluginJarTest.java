package io.tradekit.examples.cli;

import io.tradekit.api.Bar;
import io.tradekit.data.DataSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A strategy plugin built the way a user builds one (compiled against the API, listed in
 * META-INF/services, packed in a jar) and run by {@code backtest --plugins DIR}.
 */
class PluginJarTest {

    /** The plugin of the README: buys on every tenth bar, sells five bars later. */
    static final String STRATEGY = """
            package acme;

            import io.tradekit.api.Bar;
            import io.tradekit.api.Params;
            import io.tradekit.api.Signal;
            import io.tradekit.api.spi.Strategy;
            import io.tradekit.api.spi.StrategyContext;
            import io.tradekit.api.spi.StrategyProvider;

            public final class EveryTenBars implements StrategyProvider {
                public String name() { return "every-ten-bars"; }

                public Strategy create(Params params) {
                    return new Strategy() {
                        private long bars;

                        public void onBar(Bar bar, StrategyContext ctx) {
                            long n = bars++;
                            if (n % 10 == 0) ctx.signal(Signal.BUY);
                            if (n % 10 == 5) ctx.signal(Signal.SELL);
                        }
                    };
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aStrategyJarInThePluginDirectoryIsFoundAndTrades() throws IOException {
        buildPluginJar(dir);

        CliRun run = CliRun.in(dir, "backtest", "--plugins", "plugins", "--strategy", "every-ten-bars", "--fee-bps", "0", "--out", "acme");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Bar> bars = DataSets.load("eth-usd-5m");
        List<String> trades = Files.readAllLines(dir.resolve("acme/trades.csv"));
        int expectedTrips = (bars.size() + 4) / 10;
        assertThat(trades).hasSize(1 + expectedTrips);
        for (int k = 0; k < expectedTrips; k++) {
            String[] cells = trades.get(k + 1).split(",");
            assertThat(new BigDecimal(cells[4])).as("entry %d at the close of bar %d", k, 10 * k).isEqualByComparingTo(bars.get(10 * k).close());
            assertThat(new BigDecimal(cells[5])).as("exit %d at the close of bar %d", k, 10 * k + 5).isEqualByComparingTo(bars.get(10 * k + 5).close());
            assertThat(new BigDecimal(cells[7])).isZero();
        }
        assertThat(run.out()).contains("every-ten-bars");
    }

    @Test
    void withoutThePluginDirectoryTheStrategyIsUnknown() throws IOException {
        buildPluginJar(dir);

        CliRun run = CliRun.in(dir, "backtest", "--strategy", "every-ten-bars");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown strategy 'every-ten-bars'").contains("sma-cross");
    }

    @Test
    void aPluginDirectoryWithoutJarsOrThatDoesNotExistIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        assertThat(CliRun.in(dir, "backtest", "--plugins", "empty").err()).contains("the directory holds no .jar file");
        assertThat(CliRun.in(dir, "backtest", "--plugins", "missing").err()).contains("no such directory");
        assertThat(CliRun.in(dir, "backtest", "--plugins", "missing").exitCode()).isEqualTo(2);
    }

    private static void buildPluginJar(Path work) throws IOException {
        buildPluginJar(work, "EveryTenBars", STRATEGY);
    }

    /**
     * Compiles a strategy provider's source (class {@code acme.<className>}) against the test's classpath and
     * packs it with its service file into {@code work/plugins}.
     */
    static void buildPluginJar(Path work, String className, String javaSource) throws IOException {
        Path pluginDir = work.resolve("plugins");
        Path src = Files.createDirectories(work.resolve("plugin-src"));
        Path classes = Files.createDirectories(work.resolve("plugin-classes"));
        Path source = Files.createDirectories(src.resolve("acme")).resolve(className + ".java");
        Files.writeString(source, javaSource);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, "--release", "21", "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), source.toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        Files.createDirectories(pluginDir);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(pluginDir.resolve("acme-strategies.jar"));
             JarOutputStream jar = new JarOutputStream(file, manifest);
             Stream<Path> compiled = Files.walk(classes)) {
            for (Path c : compiled.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(c));
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/io.tradekit.api.spi.StrategyProvider"));
            jar.write(("acme." + className + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }
}
