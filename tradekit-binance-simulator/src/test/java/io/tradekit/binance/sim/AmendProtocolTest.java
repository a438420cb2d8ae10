package io.tradekit.binance.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.tradekit.binance.sim.BinanceSimulatorProtocolTest.hmac;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code PUT /api/v3/order/amend/keepPriority} seen from a plain client: the simulator's own checks and answer. */
class AmendProtocolTest {

    private BinanceSimulator sim;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        sim = BinanceSimulator.start(0, BinanceSimulatorProtocolTest.TestData.bars());
        // the bars close at 104: a buy at 90 rests
        HttpResponse<String> placed = signed("POST", "/api/v3/order",
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.5&price=90&newClientOrderId=resting");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> signed(String method, String path, String params) throws Exception {
        String query = params + "&recvWindow=5000&timestamp=" + System.currentTimeMillis();
        String uri = sim.restUrl() + path + "?" + query + "&signature=" + hmac(sim.credentials().secret(), query);
        return http.send(HttpRequest.newBuilder(URI.create(uri)).header("X-MBX-APIKEY", sim.credentials().apiKey())
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> amend(String params) throws Exception {
        return signed("PUT", "/api/v3/order/amend/keepPriority", params);
    }

    @Test
    void anAmendAnswersWithTheAmendedOrderAsTheDocsShowIt() throws Exception {
        HttpResponse<String> answer = amend("symbol=BTCUSDT&origClientOrderId=resting&newClientOrderId=resting&newQty=0.2");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"transactTime\":").contains("\"executionId\":1,\"amendedOrder\":{\"symbol\":\"BTCUSDT\"")
                .contains("\"origClientOrderId\":\"resting\",\"clientOrderId\":\"resting\"").contains("\"qty\":\"0.20000000\"")
                .contains("\"executedQty\":\"0.00000000\"").contains("\"status\":\"NEW\"");
        assertThat(answer.headers().firstValue("X-MBX-USED-WEIGHT-1M")).isPresent();
    }

    @Test
    void eachDocumentedRefusalComesWithItsCode() throws Exception {
        assertThat(amend("symbol=BTCUSDT&origClientOrderId=resting&newClientOrderId=resting").body())
                .contains("\"code\":-1102").contains("newQty");
        assertThat(amend("symbol=BTCUSDT&newClientOrderId=resting&newQty=0.2").body()).contains("\"code\":-1102");
        assertThat(amend("symbol=BTCUSDT&origClientOrderId=resting&newClientOrderId=resting&newQty=0.6").body())
                .contains("\"code\":-2038").contains("Order amend (quantity increase) is not supported.");
        assertThat(amend("symbol=BTCUSDT&origClientOrderId=resting&newClientOrderId=resting&newQty=0.5").body())
                .contains("\"code\":-2038").contains("The requested action would change no state; rejecting");
        String orderId = signed("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=resting").body().replaceAll(".*\"orderId\":(\\d+).*", "$1");
        assertThat(amend("symbol=BTCUSDT&orderId=" + orderId + "&origClientOrderId=someone-else&newClientOrderId=resting&newQty=0.2").body())
                .contains("\"code\":-2039").contains("Client order ID is not correct for this order ID.");
        assertThat(amend("symbol=BTCUSDT&origClientOrderId=never&newClientOrderId=never&newQty=0.2").body())
                .contains("\"code\":-2013").contains("Order does not exist.");
        // nothing refused changed the order
        assertThat(signed("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=resting").body()).contains("\"origQty\":\"0.50000000\"");
    }
}
