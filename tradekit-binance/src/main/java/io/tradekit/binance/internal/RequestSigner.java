package io.tradekit.binance.internal;

import io.tradekit.binance.BinanceConfig;

/**
 * Signs the payload of a SIGNED request: HMAC-SHA256 ({@link BinanceSigner}, lowercase hex) or Ed25519
 * ({@link Ed25519Signer}, base64). What the payload is (REST query string as sent, or the WebSocket API's
 * sorted raw parameters) is the caller's business; the key never leaves the signer.
 */
public interface RequestSigner {

    /** The signature of the UTF-8 bytes of {@code payload}, in the key type's encoding. */
    String sign(String payload);

    /** The signer for the configured key type; the secret is an HMAC secret or a PKCS#8 Ed25519 private key (PEM). */
    static RequestSigner of(BinanceConfig.KeyType keyType, String secret) {
        return switch (keyType) {
            case HMAC -> new BinanceSigner(secret);
            case ED25519 -> Ed25519Signer.fromPem(secret);
        };
    }
}
