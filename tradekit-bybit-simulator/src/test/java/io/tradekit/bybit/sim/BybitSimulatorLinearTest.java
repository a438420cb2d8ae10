package io.tradekit.bybit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.Instrument;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.Position;
import io.tradekit.api.Side;
import io.tradekit.api.Ticker;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.core.paper.FillModel;
import io.tradekit.core.paper.MatchingEngine;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.perp.FundingRates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The linear venue over its REST API (signed by this test's own HMAC code), held against core's paper engine
 * run over the same bars: the simulator and the paper venue share one perpetual model, so the position, its
 * margin and liquidation price and every funding payment come out the same.
 */
class BybitSimulatorLinearTest {

    private static final Credentials KEY = new Credentials("linearTestKey", "linearTestSecret");
    private static final BigDecimal RATE = new BigDecimal("0.0005");

    private final List<Bar> bars = bars();
    private final BybitSimulator sim = BybitSimulator.start(BybitSimulator.Options.of(0, bars).withCredentials(KEY).withInitialBars(2)
            .linear().withFundingInterval(Duration.ofMinutes(2)).withFundingRate(RATE));
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void close() {
        sim.close();
    }

    /** Ten one-minute bars rising by 1 from 100, each reaching half a unit beyond its open and close. */
    private static List<Bar> bars() {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            BigDecimal open = BigDecimal.valueOf(100 + i);
            BigDecimal close = open.add(BigDecimal.ONE);
            out.add(new Bar("ETHUSDT", Timeframe.M1, Instant.parse("2024-03-01T00:00:00Z").plusSeconds(60L * i), open,
                    close.add(new BigDecimal("0.5")), open.subtract(new BigDecimal("0.5")), close, BigDecimal.TEN));
        }
        return out;
    }

    private JsonNode post(String path, Map<String, Object> body) throws Exception {
        String text = json.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(sim.restUrl() + path)).POST(HttpRequest.BodyPublishers.ofString(text)), text);
    }

    private JsonNode get(String path, String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(sim.restUrl() + path + "?" + query)).GET(), query);
    }

    private JsonNode send(HttpRequest.Builder request, String signed) throws Exception {
        long timestamp = System.currentTimeMillis();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + KEY.apiKey() + "5000" + signed).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(request.header("X-BAPI-API-KEY", KEY.apiKey()).header("X-BAPI-TIMESTAMP", Long.toString(timestamp))
                .header("X-BAPI-RECV-WINDOW", "5000").header("X-BAPI-SIGN", signature).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void aLeveragedLongCarriesTheSamePositionMarginLiquidationAndFundingAsThePaperVenue() throws Exception {
        // the paper venue as the simulator sets it up: the same instrument, account, fees and funding, the same bars and touch
        Instrument instrument = sim.instrument();
        MatchingEngine paper = new MatchingEngine("paper", new PaperSettings(Map.of("ETHUSDT", instrument), Map.of("USDT", new BigDecimal("10000")),
                BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, FillModel.CLOSE).withFunding(FundingRates.constant(RATE)));
        List<FundingPayment> paperFunding = new ArrayList<>();
        paper.setListener(new MatchingEngine.Listener() {
            public void onOrder(io.tradekit.api.Order order) {
            }

            public void onFill(io.tradekit.api.Fill fill) {
            }

            public void onFunding(FundingPayment payment) {
                paperFunding.add(payment);
            }
        });
        for (int i = 0; i < 2; i++) paper.onBar(bars.get(i));
        paper.onTicker(new Ticker("ETHUSDT", bars.get(1).closeTime(), bars.get(1).close(), bars.get(1).close().add(instrument.tickSize()),
                bars.get(1).close()));
        paper.setLeverage("ETHUSDT", new BigDecimal("3"));
        paper.submit(new OrderRequest("p-1", "ETHUSDT", Side.BUY, OrderType.MARKET, new BigDecimal("2"), Optional.empty(), TimeInForce.GTC, false));

        JsonNode set = post("/v5/position/set-leverage", Map.of("category", "linear", "symbol", "ETHUSDT", "buyLeverage", "3", "sellLeverage", "3"));
        assertThat(set.get("retCode").asInt()).isZero();
        JsonNode again = post("/v5/position/set-leverage", Map.of("category", "linear", "symbol", "ETHUSDT", "buyLeverage", "3", "sellLeverage", "3"));
        assertThat(again.get("retCode").asInt()).as("the same leverage again: not modified").isEqualTo(110043);
        JsonNode hedge = post("/v5/order/create", Map.of("category", "linear", "symbol", "ETHUSDT", "side", "Buy", "orderType", "Market",
                "qty", "2", "positionIdx", 1, "orderLinkId", "s-hedge"));
        assertThat(hedge.get("retCode").asInt()).as("hedge mode's positionIdx").isEqualTo(10001);
        JsonNode open = post("/v5/order/create", Map.of("category", "linear", "symbol", "ETHUSDT", "side", "Buy", "orderType", "Market",
                "qty", "2", "positionIdx", 0, "orderLinkId", "s-1"));
        assertThat(open.get("retCode").asInt()).isZero();
        JsonNode flip = post("/v5/order/create", Map.of("category", "linear", "symbol", "ETHUSDT", "side", "Sell", "orderType", "Market",
                "qty", "3", "positionIdx", 0, "reduceOnly", true, "orderLinkId", "s-flip"));
        assertThat(flip.get("retCode").asInt()).as("a reduce-only order larger than the position").isEqualTo(110017);

        while (sim.step()) {
            // the simulator closes bars 2..9; the paper engine is fed the same bars and touch
        }
        for (int i = 2; i < bars.size(); i++) {
            paper.onBar(bars.get(i));
            paper.onTicker(new Ticker("ETHUSDT", bars.get(i).closeTime(), bars.get(i).close(), bars.get(i).close().add(instrument.tickSize()),
                    bars.get(i).close()));
        }

        Position venue = sim.position().orElseThrow();
        Position model = paper.position("ETHUSDT").orElseThrow();
        assertThat(venue).as("the simulator's position is the paper venue's").isEqualTo(model);
        assertThat(sim.fundingPayments()).as("funding every two minutes of market time, as the paper venue settles it")
                .hasSizeGreaterThanOrEqualTo(3).isEqualTo(paperFunding);

        JsonNode listed = get("/v5/position/list", "category=linear&symbol=ETHUSDT").get("result").get("list").get(0);
        assertThat(listed.get("side").asText()).isEqualTo("Buy");
        assertThat(new BigDecimal(listed.get("size").asText())).isEqualByComparingTo("2");
        assertThat(new BigDecimal(listed.get("avgPrice").asText())).isEqualByComparingTo(model.entryPrice());
        assertThat(new BigDecimal(listed.get("leverage").asText())).isEqualByComparingTo("3");
        assertThat(new BigDecimal(listed.get("positionIM").asText())).isEqualByComparingTo(model.margin());
        assertThat(new BigDecimal(listed.get("liqPrice").asText())).isEqualByComparingTo(model.liquidationPrice().orElseThrow());

        JsonNode funding = get("/v5/execution/list", "category=linear&symbol=ETHUSDT&execType=Funding").get("result").get("list");
        List<BigDecimal> listedFees = new ArrayList<>();
        for (JsonNode e : funding) if (e.get("execType").asText().equals("Funding")) listedFees.add(new BigDecimal(e.get("execFee").asText()));
        // newest first on the wire; a long pays at a positive rate: size × mark × rate
        assertThat(listedFees.reversed()).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(paperFunding.stream().map(FundingPayment::amount).toList());
    }
}
