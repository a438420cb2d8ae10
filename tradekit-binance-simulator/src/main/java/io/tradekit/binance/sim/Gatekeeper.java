package io.tradekit.binance.sim;

import io.tradekit.api.Credentials;

import java.time.InstantSource;
import java.util.Map;

/**
 * The checks Binance makes on a SIGNED request, in the simulator: API key (-2014, -2015), signature
 * (-1022), {@code recvWindow} (-1131) and timestamp (-1021: not older than {@code recvWindow}, not more
 * than 1 s ahead of the server). The signature is HMAC-SHA256 hex or Ed25519 base64, by the account's key.
 */
final class Gatekeeper {

    private final String apiKey;
    private final SignatureCheck signer;
    private final AccountKey.Kind keyKind;
    private final InstantSource clock;

    Gatekeeper(Credentials credentials, AccountKey key, InstantSource clock) {
        this.apiKey = credentials.apiKey();
        this.keyKind = key.kind();
        this.signer = key.kind() == AccountKey.Kind.ED25519 ? new Ed25519Check(key.publicKeyPem()) : new VenueSignature(credentials.secret());
        this.clock = clock;
    }

    void checkApiKey(String given) {
        if (given == null || given.isEmpty() || !given.matches("[A-Za-z0-9]{1,128}")) {
            throw new VenueError(401, -2014, VenueMessages.BAD_API_KEY_FORMAT);
        }
        if (!given.equals(apiKey)) {
            throw new VenueError(401, -2015, VenueMessages.REJECTED_API_KEY);
        }
    }

    /** Whether the account's key may authenticate a WebSocket API session ({@code session.logon}: Ed25519 only). */
    boolean allowsSessionLogon() {
        return keyKind == AccountKey.Kind.ED25519;
    }

    /** {@code payload} is exactly what the client signed; {@code params} the decoded parameters. */
    void checkSigned(String payload, Map<String, String> params) {
        String signature = params.get("signature");
        if (signature == null || signature.isEmpty()) {
            throw VenueError.mandatory("signature");
        }
        if (!signer.verifies(payload, signature)) {
            throw VenueError.badRequest(-1022, VenueMessages.INVALID_SIGNATURE);
        }
        checkTimestamp(params);
    }

    /** The timestamp and recvWindow checks alone (a logged-on WebSocket API session's requests carry no signature). */
    void checkTimestamp(Map<String, String> params) {
        String ts = params.get("timestamp");
        if (ts == null || ts.isEmpty()) {
            throw VenueError.mandatory("timestamp");
        }
        long recvWindow = 5000;
        long timestamp;
        try {
            timestamp = Long.parseLong(ts);
            if (params.containsKey("recvWindow")) recvWindow = Long.parseLong(params.get("recvWindow"));
        } catch (NumberFormatException e) {
            throw VenueError.badRequest(-1100, "Illegal characters found in parameter 'timestamp'; legal range is '^[0-9]{1,20}$'.");
        }
        if (recvWindow > 60_000) {
            throw VenueError.badRequest(-1131, "recvWindow must be less than 60000");
        }
        if (timestamp > 9_999_999_999_999L) {
            timestamp /= 1000; // microseconds
        }
        long serverTime = clock.millis();
        if (timestamp >= serverTime + 1000) {
            throw VenueError.badRequest(-1021, VenueMessages.AHEAD_OF_SERVER);
        }
        if (serverTime - timestamp > recvWindow) {
            throw VenueError.badRequest(-1021, VenueMessages.OUTSIDE_RECV_WINDOW);
        }
    }

    /** The WebSocket API payload of a request's params (everything but the signature, sorted). */
    static String webSocketPayload(Map<String, String> params) {
        return VenueSignature.webSocketPayload(params);
    }
}
