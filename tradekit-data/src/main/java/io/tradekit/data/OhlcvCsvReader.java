package io.tradekit.data;

import io.tradekit.api.Bar;
import io.tradekit.api.BoundedDecimal;
import io.tradekit.api.UntrustedText;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Reads bars from a CSV file whose first line is {@code timestamp,open,high,low,close,volume}. Each row
 * is one bar; the timestamp is the bar's open time (see {@link CsvTimestamp} for the accepted forms);
 * prices and volume are bounded decimals ({@link BoundedDecimal}) read as BigDecimal. Rows must be in time
 * order; a gap (missing bars) is allowed, but every row must start a whole number of timeframes after the
 * previous one. Unless given, the timeframe is the spacing of most rows, which must also be the smallest
 * (otherwise the file is irregular and refused). Blank lines are allowed only at the end. The file is read
 * through {@link Utf8Lines} (UTF-8, a byte order mark allowed).
 * Any other defect is an {@link InvalidInputException} naming the file, the line and the problem.
 */
public final class OhlcvCsvReader {

    static final String HEADER = "timestamp,open,high,low,close,volume";
    private static final String[] COLUMNS = HEADER.split(",");

    private OhlcvCsvReader() {
    }

    /**
     * Reads every bar of the file.
     *
     * @param file      the CSV file
     * @param symbol    the symbol to give the bars, or empty for one taken from the file's name
     *                  ({@code eth-usd.csv} gives {@code ETH-USD})
     * @param timeframe the bars' timeframe, or empty to infer it from the spacing of the rows
     * @return the bars, oldest first; never empty
     * @throws InvalidInputException naming the file, the line and the problem when the file is missing or malformed
     */
    public static List<Bar> read(Path file, Optional<String> symbol, Optional<Timeframe> timeframe) {
        List<Row> rows = rows(file);
        if (rows.isEmpty()) throw new InvalidInputException(file + ": no bars after the header");
        Timeframe tf = timeframe.orElseGet(() -> inferTimeframe(file, rows));
        String sym = symbol.orElseGet(() -> DataSets.symbolOf(file));
        List<Bar> bars = new ArrayList<>(rows.size());
        Row previous = null;
        for (Row row : rows) {
            if (previous != null) {
                Duration gap = Duration.between(previous.openTime, row.openTime);
                if (gap.toMillis() % tf.millis() != 0) {
                    throw row.error(file, "starts " + gap + " after the previous row, not a whole number of " + tf + " bars");
                }
            }
            try {
                bars.add(new Bar(sym, tf, row.openTime, row.open, row.high, row.low, row.close, row.volume));
            } catch (InvalidInputException e) {
                throw row.error(file, e.getMessage());
            }
            previous = row;
        }
        return bars;
    }

    private static Timeframe inferTimeframe(Path file, List<Row> rows) {
        if (rows.size() < 2) {
            throw new InvalidInputException(file + ": one bar is not enough to infer the timeframe; give it (e.g. --timeframe 1m)");
        }
        long smallest = Long.MAX_VALUE;
        Map<Long, Integer> spacings = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            long gap = Duration.between(rows.get(i - 1).openTime, rows.get(i).openTime).toMillis();
            smallest = Math.min(smallest, gap);
            spacings.merge(gap, 1, Integer::sum);
        }
        long usual = spacings.entrySet().stream().max(Map.Entry.<Long, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))) // a tie goes to the smaller spacing
                .orElseThrow().getKey();
        if (usual != smallest) {
            // One misaligned row must not turn a file of 1-minute bars into 30-second bars: the spacing of most rows wins
            // only if it is also the smallest; otherwise the file is irregular and the timeframe must be given.
            long at = smallest;
            Row odd = java.util.stream.IntStream.range(1, rows.size())
                    .filter(i -> Duration.between(rows.get(i - 1).openTime, rows.get(i).openTime).toMillis() == at)
                    .mapToObj(rows::get).findFirst().orElseThrow();
            throw odd.error(file, "starts " + Duration.ofMillis(smallest) + " after the previous row, while most rows are "
                    + Duration.ofMillis(usual) + " apart; the spacing is irregular, so the timeframe cannot be inferred: fix the row "
                    + "or give the timeframe (e.g. --timeframe 1m)");
        }
        try {
            return new Timeframe(Duration.ofMillis(smallest));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": rows are " + Duration.ofMillis(smallest)
                    + " apart, which is not a timeframe of whole seconds; give one (e.g. --timeframe 1m)");
        }
    }

    private static List<Row> rows(Path file) {
        List<Row> rows = new ArrayList<>();
        try (Utf8Lines in = Utf8Lines.open(file, Utf8Lines.MAX_LINE_BYTES)) {
            String header = in.next();
            if (header == null) throw new InvalidInputException(file + ": the file is empty; expected the header " + HEADER);
            String normalized = header.replace(" ", "").toLowerCase();
            if (!normalized.equals(HEADER)) {
                throw new InvalidInputException(file + ":1: the header is " + UntrustedText.quote(header) + ", expected " + HEADER);
            }
            int lineNumber = 1;
            int firstBlank = 0;
            String line;
            while ((line = in.next()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    if (firstBlank == 0) firstBlank = lineNumber;
                    continue;
                }
                if (firstBlank != 0) {
                    throw new InvalidInputException(file + ":" + firstBlank + ": empty line in the middle of the data");
                }
                Row row = Row.parse(file, lineNumber, line);
                if (!rows.isEmpty() && !row.openTime.isAfter(rows.getLast().openTime)) {
                    throw row.error(file, "timestamp " + row.openTime + " is not after the previous row's " + rows.getLast().openTime
                            + "; rows must be in time order without duplicates");
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private record Row(int line, Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                       BigDecimal volume) {

        static Row parse(Path file, int line, String text) {
            String[] cells = text.split(",", -1);
            if (cells.length != COLUMNS.length) {
                throw new InvalidInputException(file + ":" + line + ": expected " + COLUMNS.length + " columns (" + HEADER
                        + "), found " + cells.length);
            }
            Instant time;
            try {
                time = CsvTimestamp.parse(cells[0]);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(file + ":" + line + ": " + e.getMessage());
            }
            BigDecimal[] values = new BigDecimal[5];
            for (int i = 1; i < cells.length; i++) {
                values[i - 1] = BoundedDecimal.parse(cells[i], file + ":" + line + ": column " + COLUMNS[i]);
            }
            return new Row(line, time, values[0], values[1], values[2], values[3], values[4]);
        }

        InvalidInputException error(Path file, String problem) {
            return new InvalidInputException(file + ":" + line + ": " + problem);
        }
    }
}
