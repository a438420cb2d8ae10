package io.tradekit.binance.sim;

import io.tradekit.api.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * How Binance checks an Ed25519 signature, as the simulator's own code: the signature is the base64 of
 * the Ed25519 signature of the payload's UTF-8 bytes, case-sensitive, verified with the account's public
 * key. Nothing here is shared with the adapter's signer.
 */
final class Ed25519Check implements SignatureCheck {

    private final PublicKey key;

    Ed25519Check(String publicKeyPem) {
        String body = publicKeyPem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            this.key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidInputException("binance simulator: the account's key is not an X.509 Ed25519 public key in PEM: " + e.getMessage());
        }
    }

    @Override
    public boolean verifies(String payload, String signature) {
        if (signature == null || signature.isEmpty()) return false;
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(payload.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(raw);
        } catch (java.security.SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JVM", e);
        }
    }
}
