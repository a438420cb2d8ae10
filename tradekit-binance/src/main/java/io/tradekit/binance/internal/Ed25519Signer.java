package io.tradekit.binance.internal;

import io.tradekit.api.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Binance's Ed25519 request signature: the base64 of the Ed25519 signature of the payload's UTF-8 bytes
 * (rest-api.md and web-socket-api.md, "SIGNED request example (Ed25519)"), with the JDK's
 * {@code Signature.getInstance("Ed25519")}. The private key comes from a PKCS#8 PEM
 * ({@code -----BEGIN PRIVATE KEY-----}), as {@code openssl genpkey -algorithm ed25519} writes it; it is
 * held only here and {@link #toString()} never shows it. Ed25519 signatures are deterministic, so the same
 * payload always gives the same signature.
 */
public final class Ed25519Signer implements RequestSigner {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private final PrivateKey key;

    private Ed25519Signer(PrivateKey key) {
        this.key = key;
    }

    /**
     * Reads a PKCS#8 Ed25519 private key from PEM text (or its bare base64 body). An encrypted key, another
     * algorithm or broken text is refused with a message that names the problem, never the key.
     */
    public static Ed25519Signer fromPem(String pem) {
        String text = pem.strip();
        if (text.contains("ENCRYPTED PRIVATE KEY")) {
            throw new InvalidInputException("binance: the Ed25519 private key is encrypted; give an unencrypted PKCS#8 PEM");
        }
        int begin = text.indexOf(BEGIN);
        if (begin >= 0) {
            int end = text.indexOf(END, begin);
            if (end < 0) throw new InvalidInputException("binance: the Ed25519 private key PEM has no '" + END + "' line");
            text = text.substring(begin + BEGIN.length(), end);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("binance: the Ed25519 private key is not PEM/base64 PKCS#8 text");
        }
        try {
            return new Ed25519Signer(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("binance: the private key is not a PKCS#8 Ed25519 key (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String sign(String payload) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "Ed25519Signer[privateKey=***]";
    }
}
