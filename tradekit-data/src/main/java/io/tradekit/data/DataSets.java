package io.tradekit.data;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Timeframe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Market data by name or by path. The named sets are the ta4j-examples 0.18 files that the build takes
 * out of that jar into this module's resources:
 * <ul>
 *   <li>{@code eth-usd-5m}: ETH/USD 5-minute bars, 13 to 15 March 2023 (580 bars);</li>
 *   <li>{@code btc-usd-1m}: Bitstamp BTC/USD trades from 25 November 2013, aggregated to 1-minute bars.</li>
 * </ul>
 * Anything else is read as the path of a CSV file with the header {@code timestamp,open,high,low,close,volume}
 * (see {@link OhlcvCsvReader}).
 *
 * <pre>{@code List<Bar> bars = DataSets.load("eth-usd-5m");}</pre>
 */
public final class DataSets {

    /** The name of the bundled ETH/USD 5-minute bars (symbol {@code ETH-USD} unless renamed). */
    public static final String ETH_USD_5M = "eth-usd-5m";
    /** The name of the bundled Bitstamp BTC/USD trades as 1-minute bars (symbol {@code BTC-USD} unless renamed). */
    public static final String BTC_USD_1M = "btc-usd-1m";

    private static final String RESOURCES = "/io/tradekit/data/datasets/";
    private static final String ETH_FILE = "ETH-USD-PT5M-2023-3-13_2023-3-15.json";
    private static final String BTC_FILE = "bitstamp_trades_from_20131125_usd.csv";

    private DataSets() {
    }

    /**
     * The names {@link #load(String)} knows besides file paths.
     *
     * @return the bundled data sets' names, sorted; a new, modifiable set on each call
     */
    public static Set<String> names() {
        return new TreeSet<>(List.of(ETH_USD_5M, BTC_USD_1M));
    }

    /**
     * Loads a named data set or a CSV file, with the default symbol and timeframe; a relative path is taken
     * from the process's working directory.
     *
     * @param nameOrPath one of {@link #names()}, or the path of a CSV file
     * @return the bars, oldest first
     * @throws InvalidInputException when the name is blank, unknown or a missing file, or the file is malformed
     */
    public static List<Bar> load(String nameOrPath) {
        return load(nameOrPath, Optional.empty(), Optional.empty());
    }

    /**
     * Loads a named data set or a CSV file. {@code symbol} renames the bars (for a CSV file the default
     * is the file's name); {@code timeframe} applies to CSV files only (the default is inferred from the
     * spacing of the rows).
     *
     * @param nameOrPath one of {@link #names()}, or the path of a CSV file
     * @param symbol     the symbol to give the bars, or empty for the default
     * @param timeframe  the CSV file's timeframe, or empty to infer it; a named set refuses any but its own
     * @return the bars, oldest first
     * @throws InvalidInputException when the name is blank, unknown or a missing file, the timeframe does not fit,
     *                               or the file is malformed
     */
    public static List<Bar> load(String nameOrPath, Optional<String> symbol, Optional<Timeframe> timeframe) {
        return load(nameOrPath, Path.of(""), symbol, timeframe);
    }

    /**
     * As {@link #load(String, Optional, Optional)}, with a relative file path taken from {@code baseDirectory} (a
     * command's working directory). Whether the text names a file is judged on the text as given: one with a path
     * separator or an extension that does not exist is a missing file, anything else unknown a data set name.
     *
     * @param nameOrPath    one of {@link #names()}, or the path of a CSV file
     * @param baseDirectory the directory a relative file path is resolved against
     * @param symbol        the symbol to give the bars, or empty for the default
     * @param timeframe     the CSV file's timeframe, or empty to infer it; a named set refuses any but its own
     * @return the bars, oldest first
     * @throws InvalidInputException when the name is blank, unknown or a missing file, the path is a directory,
     *                               the timeframe does not fit, or the file is malformed
     * @throws java.io.UncheckedIOException when a bundled data set cannot be read
     */
    public static List<Bar> load(String nameOrPath, Path baseDirectory, Optional<String> symbol, Optional<Timeframe> timeframe) {
        if (nameOrPath == null || nameOrPath.isBlank()) throw new InvalidInputException("no data set given; " + known());
        String name = nameOrPath.trim();
        return switch (name) {
            case ETH_USD_5M -> named(name, timeframe, Timeframe.M5, () -> readResource(ETH_FILE, in ->
                    Ta4jCandleJsonReader.read(in, ETH_FILE, symbol.orElse("ETH-USD"), Timeframe.M5)));
            case BTC_USD_1M -> named(name, timeframe, Timeframe.M1, () -> readResource(BTC_FILE, in ->
                    TradeCsvReader.read(in, BTC_FILE, symbol.orElse("BTC-USD"), Timeframe.M1)));
            default -> {
                Path path = baseDirectory.resolve(name);
                if (Files.isDirectory(path)) {
                    throw new InvalidInputException("data " + path + " is a directory, not a CSV file");
                }
                if (!Files.isRegularFile(path)) {
                    throw new InvalidInputException(looksLikeAFile(name)
                            ? "data file " + path.toAbsolutePath() + " does not exist"
                            : "unknown data set '" + name + "'; " + known());
                }
                yield OhlcvCsvReader.read(path, symbol, timeframe);
            }
        };
    }

    /** A name with a path separator or a file extension is meant as a file, not as one of the bundled data sets. */
    private static boolean looksLikeAFile(String name) {
        return name.contains("/") || name.contains(java.io.File.separator) || name.matches(".*\\.[A-Za-z0-9]{1,5}$");
    }

    private static String known() {
        return "known data sets: " + String.join(", ", names())
                + " (or the path of a CSV file with the header timestamp,open,high,low,close,volume)";
    }

    private static List<Bar> named(String name, Optional<Timeframe> asked, Timeframe actual, java.util.function.Supplier<List<Bar>> loader) {
        if (asked.isPresent() && !asked.get().equals(actual)) {
            throw new InvalidInputException("data set " + name + " has " + actual + " bars; a timeframe of " + asked.get()
                    + " applies to CSV files only");
        }
        return loader.get();
    }

    private interface ResourceReader {
        List<Bar> read(InputStream in) throws IOException;
    }

    private static List<Bar> readResource(String file, ResourceReader reader) {
        try (InputStream in = DataSets.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new InvalidInputException("data file " + file + " is missing from the classpath (" + RESOURCES
                        + "); the build unpacks it from org.ta4j:ta4j-examples: run ./mvnw package");
            }
            return new ArrayList<>(reader.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** A symbol taken from a file name: {@code eth-usd.csv} gives {@code ETH-USD}. */
    static String symbolOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem.toUpperCase(Locale.ROOT);
    }
}
