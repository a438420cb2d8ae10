package io.tradekit.data;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeCsvReaderTest {

    private static List<Bar> read(String csv) throws IOException {
        return TradeCsvReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "trades.csv", "BTC-USD", Timeframe.M1);
    }

    @Test
    void tradesOfOneMinuteMakeOneBarAndQuietMinutesAreFlatAtThePreviousClose() throws IOException {
        List<Bar> bars = read("""
                timestamp,price,amount
                1385337600,800.0,0.5
                1385337610,805.5,0.25
                1385337650,799.0,1
                1385337659,801.0,0.25
                1385337730,810.0,2
                """);

        assertThat(bars).hasSize(3);
        Bar first = bars.get(0);
        assertThat(first.open()).hasToString("800");
        assertThat(first.openTime()).isEqualTo(Instant.ofEpochSecond(1385337600));
        assertThat(List.of(first.open(), first.high(), first.low(), first.close(), first.volume()))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("800"), new BigDecimal("805.5"), new BigDecimal("799"), new BigDecimal("801"), new BigDecimal("2"));
        Bar quiet = bars.get(1);
        assertThat(quiet.openTime()).isEqualTo(Instant.ofEpochSecond(1385337660));
        assertThat(List.of(quiet.open(), quiet.high(), quiet.low(), quiet.close())).allSatisfy(p -> assertThat(p).isEqualByComparingTo("801"));
        assertThat(quiet.volume()).isZero();
        assertThat(bars.get(2).openTime()).isEqualTo(Instant.ofEpochSecond(1385337720));
        assertThat(bars.get(2).close()).isEqualByComparingTo("810");
    }

    @Test
    void aTradeOutOfOrderOrMalformedNamesItsLine() {
        assertThatThrownBy(() -> read("timestamp,price,amount\n1385337600,800,1\n1385337500,801,1\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("trades.csv:3: trade at 2013-11-24T23:58:20Z is earlier than the previous trade");
        assertThatThrownBy(() -> read("timestamp,price,amount\n1385337600,eight hundred,1\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("trades.csv:2: price is 'eight hundred', not a decimal number");
        assertThatThrownBy(() -> read("timestamp,price,amount\n1385337600,800\n"))
                .isInstanceOf(InvalidInputException.class).hasMessage("trades.csv:2: expected 3 columns (timestamp,price,amount), found 2");
        assertThatThrownBy(() -> read("timestamp,price,amount\n1385337600,-800,1\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("trades.csv:2: price must be positive");
    }
}
