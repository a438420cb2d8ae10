package io.tradekit.control.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login tokens: 32 random bytes each, handed to the client once and kept here only as their SHA-256, so a
 * dump of this map logs nobody in. A token expires after its time to live and is revoked by logout or when
 * its user is removed.
 */
public final class TokenSessions {

    /** What a token stands for. */
    public record Session(Principal principal, Instant expiresAt) {
    }

    /** A token as issued: the secret goes to the client, nowhere else. */
    public record Issued(String token, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> byHash = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public TokenSessions(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    public Issued issue(Principal principal) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = clock.instant().plus(ttl);
        byHash.put(hash(token), new Session(principal, expires));
        return new Issued(token, expires);
    }

    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) return Optional.empty();
        String key = hash(token);
        Session s = byHash.get(key);
        if (s == null) return Optional.empty();
        if (!clock.instant().isBefore(s.expiresAt())) {
            byHash.remove(key);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public void revoke(String token) {
        if (token != null) byHash.remove(hash(token));
    }

    /** Revokes every token of one user (on removal). */
    public void revokeUser(String name) {
        byHash.values().removeIf(s -> s.principal().name().equals(name));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
