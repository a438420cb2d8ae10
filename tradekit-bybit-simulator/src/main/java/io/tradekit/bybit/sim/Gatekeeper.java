package io.tradekit.bybit.sim;

import io.tradekit.api.Credentials;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The checks Bybit makes on a signed request, written here independently of the adapter: the API key
 * (10003), the recv window rule {@code server_time - recv_window <= timestamp < server_time + 1000}
 * (10002), and the HMAC-SHA256 of {@code timestamp + key + recvWindow + payload} (10004). Also the
 * private WebSocket's auth over {@code "GET/realtime" + expires}.
 */
final class Gatekeeper {

    private final String apiKey;
    private final byte[] secret;
    private final InstantSource clock;

    Gatekeeper(Credentials credentials, InstantSource clock) {
        this.apiKey = credentials.apiKey();
        this.secret = credentials.secret().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Checks the four headers of a signed request whose signed text is {@code payload}. */
    void checkRest(String key, String timestamp, String recvWindow, String sign, String payload) {
        if (key == null || !key.equals(apiKey)) {
            throw new Refusal(10003, "API key is invalid.");
        }
        if (timestamp == null || sign == null) {
            throw new Refusal(10001, "missing X-BAPI-TIMESTAMP or X-BAPI-SIGN header");
        }
        long ts;
        long window;
        try {
            ts = Long.parseLong(timestamp.trim());
            window = recvWindow == null ? 5000 : Long.parseLong(recvWindow.trim());
        } catch (NumberFormatException e) {
            throw new Refusal(10001, "X-BAPI-TIMESTAMP and X-BAPI-RECV-WINDOW must be whole numbers");
        }
        long server = clock.millis();
        if (ts < server - window || ts >= server + 1000) {
            throw new Refusal(10002, "invalid request, please check your server timestamp or recv_window param. req_timestamp[" + ts
                    + "],server_timestamp[" + server + "],recv_window[" + window + "]");
        }
        String expected = hmac(timestamp.trim() + key + (recvWindow == null ? "" : recvWindow.trim()) + payload);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sign.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new Refusal(10004, "Error sign, please check your signature generation algorithm.");
        }
    }

    /** The private stream's auth: null when accepted, else Bybit's {@code ret_msg}. */
    String checkAuth(String key, long expires, String signature) {
        if (!apiKey.equals(key)) return "Request not authorized";
        if (expires <= clock.millis()) return "Params Error";
        String expected = hmac("GET/realtime" + expires);
        return signature != null && expected.equals(signature.toLowerCase(Locale.ROOT)) ? null : "Request not authorized";
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
