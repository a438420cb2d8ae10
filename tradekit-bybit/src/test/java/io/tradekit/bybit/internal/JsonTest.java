package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Bybit's field readers refuse what a venue should never send, naming the field, and never hand on a number too big to use. */
class JsonTest {

    @Test
    void aDecimalWithAnAbsurdExponentIsMalformedNotANumberThatHangsTheFirstSum() {
        JsonNode ticker = VenueJson.read("{\"symbol\":\"BTCUSDT\",\"lastPrice\":\"1E+10000000\",\"bid1Price\":\"1\",\"ask1Price\":\"2\"}");
        assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThatThrownBy(() -> MarketMapping.ticker(ticker, 1L)).isInstanceOf(MalformedMessage.class).hasMessageContaining("lastPrice"));
        JsonNode rest = VenueJson.read("{\"list\":[[\"1672324800000\",\"1E-10000000\",\"2\",\"1\",\"1.5\",\"10\",\"15\"]]}");
        assertThatThrownBy(() -> MarketMapping.klines(rest, "BTCUSDT", io.tradekit.api.Timeframe.M1)).isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("kline field 1");
        assertThatThrownBy(() -> MarketMapping.closedKlines("kline.1.BTCUSDT", VenueJson.read("[{\"start\":1672324800000,\"end\":1672324859999,"
                + "\"interval\":\"1\",\"open\":\"1E-10000000\",\"close\":\"1\",\"high\":\"2\",\"low\":\"1\",\"volume\":\"1\",\"turnover\":\"1\","
                + "\"confirm\":true,\"timestamp\":1672324860000}]"))).isInstanceOf(MalformedMessage.class).hasMessageContaining("open");
    }

    @Test
    void aNumberTokenTooLongOrNestingTooDeepIsRefusedByTheReader() {
        assertThatThrownBy(() -> VenueJson.read("{\"lastPrice\":1" + "0".repeat(500) + "}")).isInstanceOf(MalformedMessage.class);
        assertThatThrownBy(() -> VenueJson.read("[".repeat(200) + "]".repeat(200))).isInstanceOf(MalformedMessage.class);
    }

    @Test
    void anObjectArrayOrBooleanWhereTextOrANumberBelongsIsMalformedNamingTheField() {
        JsonNode n = VenueJson.read("{\"symbol\":{},\"price\":[],\"qty\":true,\"id\":12}");
        assertThatThrownBy(() -> VenueJson.text(n, "symbol")).isInstanceOf(MalformedMessage.class).hasMessageContaining("'symbol'");
        assertThatThrownBy(() -> VenueJson.decimal(n, "price")).isInstanceOf(MalformedMessage.class).hasMessageContaining("'price'");
        assertThatThrownBy(() -> VenueJson.decimal(n, "qty")).isInstanceOf(MalformedMessage.class).hasMessageContaining("'qty'");
        assertThat(VenueJson.text(n, "id")).isEqualTo("12");
        assertThatThrownBy(() -> Json.decimalOrZero(n, "price")).isInstanceOf(MalformedMessage.class).hasMessageContaining("'price'");
        assertThat(Json.decimalOrZero(VenueJson.read("{\"avgPrice\":\"\"}"), "avgPrice")).isZero();
        assertThat(VenueJson.decimal(VenueJson.read("{\"p\":\"65020.55000000\"}"), "p")).isEqualByComparingTo("65020.55").hasToString("65020.55000000");
    }
}
