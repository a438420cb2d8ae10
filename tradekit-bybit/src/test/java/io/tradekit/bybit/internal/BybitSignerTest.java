package io.tradekit.bybit.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bybit's documented signing examples (docs/v5/guide.mdx "Create A Request", docs/v5/ws/connect "auth"):
 * the plaintext is checked character for character against the documented {@code param_str}; the
 * expected signatures were computed outside this code base with
 * {@code printf '%s' <plaintext> | openssl dgst -sha256 -hmac tradekit-doc-secret}.
 */
class BybitSignerTest {

    private static final String SECRET = "tradekit-doc-secret";
    private final BybitSigner signer = new BybitSigner(SECRET);

    @Test
    void aGetSignsTimestampKeyRecvWindowAndTheQueryStringAsDocumented() {
        String plaintext = BybitSigner.restPlaintext(1658384314791L, "XXXXXXXXXX", 5000, "category=option&symbol=BTC-29JUL22-25000-C");

        assertThat(plaintext).isEqualTo("1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C");
        assertThat(signer.sign(plaintext)).isEqualTo("73af4c8d88b053156353efb5f381f60b35af53d0e2fe4dcdc911d502cdccfd91");
    }

    @Test
    void aPostSignsTheRawJsonBodyAsDocumented() {
        String signature = signer.signRest(1658385579423L, "XXXXXXXXXX", 5000, "{\"category\": \"option\"}");

        assertThat(signature).isEqualTo("c078093983f248351852ea00ad2c443afc6d8bccc287c1fd0766e44f7da06420");
    }

    @Test
    void theSignatureCoversTheExactBytesSoAnotherLayoutOfTheSameJsonSignsDifferently() {
        String compact = signer.signRest(1658385579423L, "XXXXXXXXXX", 5000, "{\"category\":\"option\"}");
        String documented = signer.signRest(1658385579423L, "XXXXXXXXXX", 5000, "{\"category\": \"option\"}");

        assertThat(compact).isNotEqualTo(documented);
    }

    @Test
    void thePrivateStreamAuthSignsGetRealtimeAndTheExpiryAsDocumented() {
        assertThat(BybitSigner.authPlaintext(1662350400000L)).isEqualTo("GET/realtime1662350400000");
        assertThat(signer.signAuth(1662350400000L)).isEqualTo("bbf81c5aed2078b2c16dd971e7b8f8e77638e5498c1f1e8ffcc7a7534071d886");
    }

    @Test
    void theSignerNeverShowsItsSecret() {
        assertThat(signer.toString()).doesNotContain(SECRET);
    }

    @Test
    void aQueryIsWrittenInTheGivenOrderWithReservedCharactersEncodedOnce() {
        RequestText q = new RequestText().add("category", "spot").add("symbol", "BTCUSDT").add("cursor", "page=2&x");

        assertThat(q.query()).isEqualTo("category=spot&symbol=BTCUSDT&cursor=page%3D2%26x");
        assertThat(q.json()).isEqualTo("{\"category\":\"spot\",\"symbol\":\"BTCUSDT\",\"cursor\":\"page=2&x\"}");
    }
}
