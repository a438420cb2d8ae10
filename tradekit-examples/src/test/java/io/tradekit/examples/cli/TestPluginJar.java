package io.tradekit.examples.cli;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A strategy plugin jar made in a test, as a user would make one: for {@code --plugins DIR}. */
final class TestPluginJar {

    private TestPluginJar() {
    }

    /**
     * Compiles {@code source}, the {@code StrategyProvider} {@code className}, against the test's classpath and packs it
     * with its service file into {@code work/plugins}.
     */
    static void build(Path work, String className, String source) throws IOException {
        int dot = className.lastIndexOf('.');
        Path pluginDir = work.resolve("plugins");
        Path src = Files.createDirectories(work.resolve("plugin-src"));
        Path classes = Files.createDirectories(work.resolve("plugin-classes"));
        Path file = Files.createDirectories(src.resolve(className.substring(0, dot).replace('.', '/'))).resolve(className.substring(dot + 1) + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, "--release", "21", "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), file.toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        Files.createDirectories(pluginDir);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(pluginDir.resolve(className.substring(dot + 1).toLowerCase() + ".jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest);
             Stream<Path> compiled = Files.walk(classes)) {
            for (Path c : compiled.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(c));
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/io.tradekit.api.spi.StrategyProvider"));
            jar.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }
}
