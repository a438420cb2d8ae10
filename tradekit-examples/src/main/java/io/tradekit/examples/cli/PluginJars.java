package io.tradekit.examples.cli;

import io.tradekit.api.InvalidInputException;
import io.tradekit.core.Plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jars of a plugin directory on a class loader of their own (child of the command line's), so that
 * {@link Plugins#discover(ClassLoader)} finds their strategies, policies, venues and stores next to the
 * built-in ones. Close it when the run is over.
 */
final class PluginJars implements AutoCloseable {

    private final URLClassLoader loader;
    private final List<Path> jars;

    private PluginJars(URLClassLoader loader, List<Path> jars) {
        this.loader = loader;
        this.jars = jars;
    }

    static PluginJars open(Path directory) {
        if (!Files.isDirectory(directory)) throw new InvalidInputException("--plugins " + directory + ": no such directory");
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + directory, e);
        }
        if (jars.isEmpty()) throw new InvalidInputException("--plugins " + directory + ": the directory holds no .jar file");
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            requireReadableJar(jar);
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InvalidInputException("--plugins: cannot load " + jar + ": " + e.getMessage(), e);
            }
        }
        URLClassLoader loader = new URLClassLoader("tradekit-plugins", urls.toArray(URL[]::new), PluginJars.class.getClassLoader());
        return new PluginJars(loader, jars);
    }

    /** A class loader skips a jar it cannot open without a word; a damaged plugin jar must be an error naming it. */
    private static void requireReadableJar(Path jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile(), true)) {
            var entries = file.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                if (entry.getName().startsWith("META-INF/services/")) {
                    try (var in = file.getInputStream(entry)) {
                        in.readAllBytes();
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            throw new InvalidInputException("--plugins: " + jar + " is not a readable jar (" + io.tradekit.api.UntrustedText.printable(
                    String.valueOf(e.getMessage()), 200, false) + "); remove or replace it");
        }
    }

    Plugins plugins() {
        return Plugins.discover(loader);
    }

    List<Path> jars() {
        return jars;
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the plugin class loader", e);
        }
    }
}
