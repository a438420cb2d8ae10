package io.tradekit.binance.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every HMAC example of Binance's rest-api.md ("SIGNED Endpoint Examples for POST /api/v3/order": the ASCII
 * one, the non-ASCII one and the older mixed query-and-body one) and web-socket-api.md ("SIGNED request
 * example (HMAC)": the ASCII one, its older variant with {@code newOrderRespType}, and the non-ASCII one).
 */
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
    void signsTheDocumentedNonAsciiRestExampleOverThePercentEncodedPayload() {
        String query = new QueryString().add("symbol", "１２３４５６").add("side", "BUY").add("type", "LIMIT").add("timeInForce", "GTC")
                .add("quantity", "1").add("price", "0.1").add("recvWindow", 5000).add("timestamp", 1499827319559L).toString();
        assertThat(query).isEqualTo("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");
        assertThat(signer.sign(query, "")).isEqualTo("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
    }

    @Test
    void signsTheDocumentedWebSocketApiAsciiExampleOfTheCurrentDocs() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", "BTCUSDT");
        params.put("side", "SELL");
        params.put("type", "LIMIT");
        params.put("timeInForce", "GTC");
        params.put("quantity", "0.01000000");
        params.put("price", "52000.00");
        params.put("recvWindow", "100");
        params.put("timestamp", "1645423376532");
        params.put("apiKey", DOC_API_KEY);
        assertThat(signer.sign(BinanceSigner.webSocketPayload(params))).isEqualTo("aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24");
    }

    @Test
    void signsTheDocumentedNonAsciiWebSocketApiExampleOverRawUtf8NotPercentEncoding() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", "１２３４５６");
        params.put("side", "BUY");
        params.put("type", "LIMIT");
        params.put("timeInForce", "GTC");
        params.put("quantity", "1.00000000");
        params.put("price", "0.10000000");
        params.put("recvWindow", "5000");
        params.put("timestamp", "1645423376532");
        params.put("apiKey", DOC_API_KEY);
        params.put("signature", "------ FILL ME ------");
        String payload = BinanceSigner.webSocketPayload(params);
        assertThat(payload).isEqualTo("apiKey=" + DOC_API_KEY + "&price=0.10000000&quantity=1.00000000&recvWindow=5000&side=BUY"
                + "&symbol=１２３４５６&timeInForce=GTC&timestamp=1645423376532&type=LIMIT");
        assertThat(signer.sign(payload)).isEqualTo("b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd");
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
