package io.tradekit.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Timeframe;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Kraken's messages, read through core's VenueJson, refuse what a venue should never send, naming the field, and never
 * hand on a number too big to use.
 */
class KrakenNumbersTest {

    @Test
    void aDecimalWithAnAbsurdExponentIsMalformedNotANumberThatHangsTheFirstSum() {
        // Kraken's WebSocket v2 sends prices as JSON numbers; an eleven-character token is within any length limit
        JsonNode ticker = VenueJson.read("{\"symbol\":\"BTC/USD\",\"bid\":1E+10000000,\"ask\":2,\"last\":1.5}");
        assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThatThrownBy(() -> MarketData.ticker(ticker, "XBTUSD", Instant.EPOCH)).isInstanceOf(MalformedMessage.class)
                        .hasMessageContaining("'bid'"));
        JsonNode asText = VenueJson.read("{\"price\":\"1E-10000000\"}");
        assertThatThrownBy(() -> VenueJson.decimal(asText, "price")).isInstanceOf(MalformedMessage.class).hasMessageContaining("'price'");
        JsonNode rows = VenueJson.read("{\"XXBTZUSD\":[[1700000000,\"1E+99999\",\"2\",\"1\",\"1.5\",\"1.4\",\"10\",5],"
                + "[1700000060,\"1\",\"2\",\"1\",\"1.5\",\"1.4\",\"10\",5]],\"last\":1700000060}");
        assertThatThrownBy(() -> MarketData.closedRows(rows, "XXBTZUSD", "XBTUSD", Timeframe.M1)).isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("OHLC row value 1");
    }

    @Test
    void aNumberTokenTooLongOrNestingTooDeepIsRefusedByTheReader() {
        assertThatThrownBy(() -> VenueJson.read("{\"bid\":1" + "0".repeat(500) + "}")).isInstanceOf(MalformedMessage.class);
        assertThatThrownBy(() -> VenueJson.read("[".repeat(200) + "]".repeat(200))).isInstanceOf(MalformedMessage.class);
    }

    @Test
    void anArrayOrBooleanWhereANumberBelongsIsMalformedAndFloatsAreReadAsDecimals() {
        JsonNode n = VenueJson.read("{\"bid\":[],\"ask\":true,\"last\":65020.55000000}");
        assertThatThrownBy(() -> VenueJson.decimal(n, "bid")).isInstanceOf(MalformedMessage.class).hasMessageContaining("'bid'");
        assertThatThrownBy(() -> VenueJson.decimal(n, "ask")).isInstanceOf(MalformedMessage.class).hasMessageContaining("'ask'");
        assertThat(VenueJson.decimal(n, "last")).isEqualByComparingTo("65020.55");
    }
}
