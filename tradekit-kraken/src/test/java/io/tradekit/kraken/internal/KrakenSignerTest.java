package io.tradekit.kraken.internal;

import io.tradekit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KrakenSignerTest {

    /** Kraken's "Spot REST Authentication" guide: buy 1.25 XBTUSD at 37 500, with its key, nonce and expected API-Sign. */
    @Test
    void signsTheDocumentedExampleExactly() {
        KrakenSigner signer = new KrakenSigner("kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==");

        String sign = signer.sign("/0/private/AddOrder", "1616492376594",
                "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25");

        assertThat(sign).isEqualTo("4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==");
    }

    @Test
    void aDifferentBodyGivesADifferentSignature() {
        KrakenSigner signer = new KrakenSigner("kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==");

        String sign = signer.sign("/0/private/AddOrder", "1616492376594",
                "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.26");

        assertThat(sign).isNotEqualTo("4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==");
    }

    @Test
    void aSecretThatIsNotBase64IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> new KrakenSigner("not base64 at all!"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not base64")
                .hasMessageNotContaining("not base64 at all!");
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(new KrakenSigner("c2VjcmV0").toString()).doesNotContain("c2VjcmV0");
    }
}
