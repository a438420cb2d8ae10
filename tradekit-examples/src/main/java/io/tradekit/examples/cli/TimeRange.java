package io.tradekit.examples.cli;

import io.tradekit.api.Bar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code --timerange FROM..TO} of {@code backtest} and {@code replay}: the bars that open at or after FROM and
 * close at or before TO. Each end is a UTC date ({@code 2023-03-14}, meaning that day's midnight) or an instant
 * ({@code 2023-03-14T12:00:00Z}); either may be left out ({@code 2023-03-14..} or {@code ..2023-03-15}). So
 * {@code 2023-03-14..2023-03-15} is the whole of 14 March.
 *
 * @param from the earliest open time kept, or null for the data's start
 * @param to   the latest close time kept, or null for the data's end
 */
record TimeRange(Instant from, Instant to) {

    static final String FLAG = "timerange";
    static final String SYNTAX = "FROM..TO";
    static final String DESCRIPTION = "only the bars from FROM to TO, each a UTC date (2023-03-14) or instant "
            + "(2023-03-14T12:00:00Z), either end optional (default: all the data)";

    static TimeRange parse(String text) {
        String t = text.trim();
        int dots = t.indexOf("..");
        if (dots < 0 || t.indexOf("..", dots + 2) >= 0) {
            throw new UsageException("--timerange is '" + text + "', expected FROM..TO, e.g. 2023-03-14..2023-03-15 or 2023-03-14..");
        }
        Instant from = end(t.substring(0, dots), text);
        Instant to = end(t.substring(dots + 2), text);
        if (from == null && to == null) throw new UsageException("--timerange '" + text + "' gives neither FROM nor TO");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new UsageException("--timerange '" + text + "': FROM " + from + " is not before TO " + to);
        }
        return new TimeRange(from, to);
    }

    private static Instant end(String part, String text) {
        String p = part.trim();
        if (p.isEmpty()) return null;
        try {
            return p.contains("T") ? Instant.parse(p) : LocalDate.parse(p).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--timerange '" + text + "': '" + p + "' is neither a date like 2023-03-14 nor an instant like 2023-03-14T12:00:00Z");
        }
    }

    /** The bars inside the range, in their order; refused naming the data's own span when none is. */
    List<Bar> apply(List<Bar> bars) {
        List<Bar> kept = bars.stream()
                .filter(b -> from == null || !b.openTime().isBefore(from))
                .filter(b -> to == null || !b.closeTime().isAfter(to))
                .toList();
        if (kept.isEmpty()) {
            String span = bars.isEmpty() ? "no bars" : "bars from " + bars.getFirst().openTime() + " to " + bars.getLast().closeTime();
            throw new UsageException("--timerange " + describe() + " holds none of the data's bars (the data has " + span + ")");
        }
        return kept;
    }

    String describe() {
        return (from == null ? "" : from.toString()) + ".." + (to == null ? "" : to.toString());
    }
}
