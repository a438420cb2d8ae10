package io.tradekit.data;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OhlcvCsvReaderTest {

    static final String HEADER = "timestamp,open,high,low,close,volume\n";

    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static List<Bar> read(Path file) {
        return DataSets.load(file.toString());
    }

    @Test
    void readsEveryRowAsABarWithExactDecimals() throws IOException {
        Path file = csv("sol-usd.csv", HEADER
                + "1704067200,101.10,102.25,100.05,101.90,12.5\n"
                + "1704067500,101.90,103.00,101.50,102.75,3.25\n");

        List<Bar> bars = read(file);

        assertThat(bars).hasSize(2);
        Bar first = bars.getFirst();
        assertThat(first.symbol()).isEqualTo("SOL-USD");
        assertThat(first.timeframe()).isEqualTo(Timeframe.M5);
        assertThat(first.openTime()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(first.open()).isEqualTo(new BigDecimal("101.10"));
        assertThat(first.high()).isEqualTo(new BigDecimal("102.25"));
        assertThat(first.low()).isEqualTo(new BigDecimal("100.05"));
        assertThat(first.close()).isEqualTo(new BigDecimal("101.90"));
        assertThat(first.volume()).isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void epochSecondsEpochMillisAndIsoTimestampsMeanTheSameInstants() throws IOException {
        String rows = ",1,2,0.5,1.5,10\n";
        List<Bar> seconds = read(csv("a.csv", HEADER + "1704067200" + rows + "1704067260" + rows));
        List<Bar> millis = read(csv("b.csv", HEADER + "1704067200000" + rows + "1704067260000" + rows));
        List<Bar> iso = read(csv("c.csv", HEADER + "2024-01-01T00:00:00Z" + rows + "2024-01-01T01:01:00+01:00" + rows));

        for (List<Bar> bars : List.of(seconds, millis, iso)) {
            assertThat(bars).extracting(Bar::openTime).containsExactly(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:01:00Z"));
            assertThat(bars).allSatisfy(b -> assertThat(b.timeframe()).isEqualTo(Timeframe.M1));
        }
    }

    @Test
    void theTimeframeIsTheSmallestSpacingSoGapsAreAllowed() throws IOException {
        Path sparse = csv("sparse.csv", HEADER
                + "1704067200,1,2,0.5,1.5,10\n"
                + "1704078000,1,2,0.5,1.5,10\n"   // three hours later: two bars missing
                + "1704081600,1,2,0.5,1.5,10\n");

        List<Bar> bars = read(sparse);

        assertThat(bars).hasSize(3).allSatisfy(b -> assertThat(b.timeframe()).isEqualTo(Timeframe.H1));
        assertThat(bars.get(1).openTime()).isEqualTo(Instant.parse("2024-01-01T03:00:00Z"));
        assertThat(DataSets.load(sparse.toString(), Optional.of("X"), Optional.of(Timeframe.parse("15m"))))
                .allSatisfy(b -> assertThat(b.timeframe()).isEqualTo(Timeframe.parse("15m")));
    }

    @Test
    void aMalformedRowNamesTheFileTheLineAndTheProblem() throws IOException {
        Path file = csv("bad-number.csv", HEADER
                + "1704067200,1,2,0.5,1.5,10\n"
                + "1704067260,1,2,0.5,1.5,10\n"
                + "1704067320,1,two,0.5,1.5,10\n");

        assertThatThrownBy(() -> read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ":4: column high is 'two', not a decimal number");
    }

    @Test
    void everyKindOfDefectIsReportedWithItsLine() throws IOException {
        assertThatThrownBy(() -> read(csv("columns.csv", HEADER + "1704067200,1,2,0.5,1.5\n")))
                .hasMessageEndingWith("columns.csv:2: expected 6 columns (timestamp,open,high,low,close,volume), found 5");
        assertThatThrownBy(() -> read(csv("enclose.csv", HEADER + "1704067200,1,2,0.5,1.5,10\n1704067260,1,0.9,0.5,1.5,10\n")))
                .hasMessageContaining("enclose.csv:3: bar ENCLOSE").hasMessageContaining("high/low do not enclose open and close");
        assertThatThrownBy(() -> read(csv("order.csv", HEADER + "1704067260,1,2,0.5,1.5,10\n1704067200,1,2,0.5,1.5,10\n")))
                .hasMessageContaining("order.csv:3: timestamp 2024-01-01T00:00:00Z is not after the previous row's 2024-01-01T00:01:00Z");
        assertThatThrownBy(() -> read(csv("local.csv", HEADER + "2024-01-01T00:00:00,1,2,0.5,1.5,10\n")))
                .hasMessageContaining("local.csv:2: timestamp '2024-01-01T00:00:00' is neither epoch seconds");
        assertThatThrownBy(() -> read(csv("header.csv", "time,o,h,l,c,v\n1704067200,1,2,0.5,1.5,10\n")))
                .hasMessageContaining("header.csv:1: the header is 'time,o,h,l,c,v', expected timestamp,open,high,low,close,volume");
        assertThatThrownBy(() -> read(csv("blank.csv", HEADER + "1704067200,1,2,0.5,1.5,10\n\n1704067260,1,2,0.5,1.5,10\n")))
                .hasMessageContaining("blank.csv:3: empty line in the middle of the data");
        assertThatThrownBy(() -> read(csv("negative.csv", HEADER + "1704067200,1,2,0.5,1.5,-10\n1704067260,1,2,0.5,1.5,10\n")))
                .hasMessageContaining("negative.csv:2:").hasMessageContaining("volume must not be negative");
        assertThatThrownBy(() -> read(csv("offgrid.csv", HEADER + "1704067200,1,2,0.5,1.5,10\n1704067260,1,2,0.5,1.5,10\n1704067350,1,2,0.5,1.5,10\n")))
                .hasMessageContaining("offgrid.csv:4: starts PT1M30S after the previous row, not a whole number of 1m bars");
        assertThatThrownBy(() -> read(csv("one.csv", HEADER + "1704067200,1,2,0.5,1.5,10\n")))
                .hasMessageContaining("one bar is not enough to infer the timeframe");
        assertThatThrownBy(() -> read(csv("empty.csv", HEADER)))
                .hasMessageContaining("empty.csv: no bars after the header");
    }

    @Test
    void trailingBlankLinesAreTheEndOfTheFile() throws IOException {
        assertThat(read(csv("trailing.csv", HEADER + "1704067200,1,2,0.5,1.5,10\n1704067260,1,2,0.5,1.5,10\n\n\n"))).hasSize(2);
    }
}
