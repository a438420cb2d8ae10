package io.tradekit.binance.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of Binance's rest-api.md ("SIGNED Endpoint Examples") and web-socket-api.md ("SIGNED request example (HMAC)"). */
class BinanceSignerTest {

    private static final String DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String DOC_API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private final BinanceSigner signer = new BinanceSigner(DOC_SECRET);

    @Test
    void signsTheDocumentedQueryStringExample() {
        String query = new QueryString().add("symbol", "LTCBTC").add("side", "BUY").add("type", "LIMIT").add("timeInForce", "GTC")
                .add("quantity", "1").add("price", "0.1").add("recvWindow", 5000).add("timestamp", 1499827319559L).toString();
        assertThat(query).isEqualTo("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");
        assertThat(signer.sign(query, "")).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void signsTheDocumentedMixedQueryAndBodyExampleWithoutASeparator() {
        assertThat(signer.sign("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC", "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"))
                .isEqualTo("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
    }

    @Test
    void signsTheDocumentedWebSocketApiExampleWithParametersSortedByName() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", "BTCUSDT");
        params.put("side", "SELL");
        params.put("type", "LIMIT");
        params.put("timeInForce", "GTC");
        params.put("quantity", "0.01000000");
        params.put("price", "52000.00");
        params.put("newOrderRespType", "ACK");
        params.put("recvWindow", "100");
        params.put("timestamp", "1645423376532");
        params.put("apiKey", DOC_API_KEY);
        params.put("signature", "------ FILL ME ------");
        String payload = BinanceSigner.webSocketPayload(params);
        assertThat(payload).isEqualTo("apiKey=" + DOC_API_KEY + "&newOrderRespType=ACK&price=52000.00&quantity=0.01000000&recvWindow=100"
                + "&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT");
        assertThat(signer.sign(payload)).isEqualTo("cc15477742bd704c29492d96c7ead9414dfd8e0ec4a00f947bb5bb454ddbd08a");
    }

    @Test
    void verificationIgnoresCaseAsBinanceDoesForHmac() {
        String payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        assertThat(signer.verifies(payload, "C8DB56825AE71D6D79447849E617115F4A920FA2ACDCAB2B053C4B2838BD6B71")).isTrue();
        assertThat(signer.verifies(payload + "&x=1", "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")).isFalse();
        assertThat(signer.verifies(payload, null)).isFalse();
    }

    @Test
    void percentEncodesEverythingOutsideTheUnreservedSetAsUtf8() {
        String query = new QueryString().add("symbol", "币安USDT").add("note", "a b&c=d/e~f_g-h.i").toString();
        assertThat(query).isEqualTo("symbol=%E5%B8%81%E5%AE%89USDT&note=a%20b%26c%3Dd%2Fe~f_g-h.i");
        assertThat(QueryString.parse(query)).containsEntry("symbol", "币安USDT").containsEntry("note", "a b&c=d/e~f_g-h.i");
    }

    @Test
    void neverShowsTheSecret() {
        assertThat(signer.toString()).doesNotContain(DOC_SECRET);
    }
}
