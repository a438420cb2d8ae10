package io.tradekit.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a run writes when no {@code --out} is given: a new directory per run,
 * {@code runs/<strategy>-<data>-<yyyyMMdd-HHmmss>} (UTC), with {@code -2}, {@code -3}, ... added when two runs
 * start in the same second, so that a run never overwrites an earlier one's report.
 */
final class RunDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RunDirectory() {
    }

    static Path fresh(Path workingDirectory, String strategy, String data, Clock clock) {
        String base = safe(strategy) + "-" + safe(dataLabel(data)) + "-" + STAMP.format(clock.instant());
        Path runs = workingDirectory.resolve("runs");
        Path dir = runs.resolve(base);
        for (int n = 2; Files.exists(dir); n++) dir = runs.resolve(base + "-" + n);
        return dir;
    }

    /** A data set's name, or a CSV file's name without its directory and extension. */
    static String dataLabel(String data) {
        String name = Path.of(data).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Letters, digits, dot, dash and underscore only: a strategy or file name never makes a path of its own. */
    static String safe(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }
}
