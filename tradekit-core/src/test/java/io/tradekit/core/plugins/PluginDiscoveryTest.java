package io.tradekit.core.plugins;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyProvider;
import io.tradekit.core.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plugins found on a class path through {@code META-INF/services}, as a host's plugin jars declare them: two different
 * classes declaring one strategy name are refused with both named (which one would win depends on the class path's
 * order), the same class declared twice counts once, and a declared class that cannot be loaded is named.
 */
class PluginDiscoveryTest {

    @TempDir
    Path dir;

    @Test
    void twoPluginsDeclaringOneStrategyNameAreRefusedWithBothClassesNamed() throws IOException {
        try (URLClassLoader loader = declaring(FirstDuplicate.class.getName(), SecondDuplicate.class.getName())) {
            assertThatThrownBy(() -> Plugins.discover(loader)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("two plugins declare a StrategyProvider named 'dup-strategy'")
                    .hasMessageContaining(FirstDuplicate.class.getName()).hasMessageContaining(SecondDuplicate.class.getName());
        }
    }

    @Test
    void theSameClassDeclaredTwiceCountsOnceAndTheBuiltInsStayFound() throws IOException {
        try (URLClassLoader loader = declaring(FirstDuplicate.class.getName(), FirstDuplicate.class.getName())) {
            Plugins plugins = Plugins.discover(loader);
            assertThat(plugins.strategy("dup-strategy")).isInstanceOf(FirstDuplicate.class);
            assertThat(plugins.store("memory")).isNotNull();
        }
    }

    @Test
    void aDeclaredClassThatCannotBeLoadedIsNamed() throws IOException {
        try (URLClassLoader loader = declaring("com.example.Missing")) {
            assertThatThrownBy(() -> Plugins.discover(loader)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("a plugin declares a StrategyProvider that cannot be loaded").hasMessageContaining("com.example.Missing");
        }
    }

    /** A class loader over this test's classes whose extra services file declares {@code classes} as strategy providers. */
    private URLClassLoader declaring(String... classes) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(StrategyProvider.class.getName()), String.join("\n", classes) + "\n");
        return new URLClassLoader(new URL[]{dir.toUri().toURL()}, PluginDiscoveryTest.class.getClassLoader());
    }

    /** One plugin's strategy named {@code dup-strategy}. */
    public static class FirstDuplicate implements StrategyProvider {
        /** Made by ServiceLoader. */
        public FirstDuplicate() {
        }

        @Override
        public String name() {
            return "dup-strategy";
        }

        @Override
        public Strategy create(Params params) {
            return (bar, ctx) -> { };
        }
    }

    /** Another plugin's strategy under the same name: a class of its own. */
    public static final class SecondDuplicate extends FirstDuplicate {
        /** Made by ServiceLoader. */
        public SecondDuplicate() {
        }
    }
}
