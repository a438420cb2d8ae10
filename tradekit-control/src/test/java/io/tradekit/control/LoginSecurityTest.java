package io.tradekit.control;

import io.tradekit.control.internal.LoginThrottle;
import io.tradekit.control.internal.Principal;
import io.tradekit.control.internal.TokenSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Login over real HTTP: throttled guesses, revocable and expiring tokens, hashes that verify, no secret in any answer, CORS closed. */
class LoginSecurityTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;
    static ControlPlane plane;
    static ApiClient api;

    @BeforeAll
    static void start() {
        plane = ControlPlane.builder().port(0).passwordIterations(1_000)
                .user("ana", "desk", Role.ADMIN, Passwords.hash(PASSWORD.toCharArray(), 1_000))
                .user("bob", "desk", Role.VIEWER, Passwords.hash(PASSWORD.toCharArray(), 1_000))
                .bot(FedPaperBot.spec("bot", "desk", dir))
                .start();
        api = new ApiClient(plane);
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    @Test
    void repeatedWrongPasswordsLockTheNameOutEvenForTheRightPassword() {
        // A plane of its own: the lock-out also holds the address, which every test here shares.
        try (ControlPlane own = ControlPlane.builder().port(0).loginLimit(3, Duration.ofMinutes(10))
                .user("bob", "desk", Role.VIEWER, Passwords.hash(PASSWORD.toCharArray(), 1_000)).start()) {
            lockOut(new ApiClient(own));
        }
    }

    private static void lockOut(ApiClient api) {
        for (int i = 0; i < 3; i++) {
            ApiClient.Reply wrong = api.post("/api/auth/login", null, Map.of("username", "bob", "password", "guess " + i));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().at("/error/code").asText()).isEqualTo("bad_credentials");
        }
        ApiClient.Reply locked = api.post("/api/auth/login", null, Map.of("username", "bob", "password", PASSWORD));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().at("/error/code").asText()).isEqualTo("too_many_attempts");
        assertThat(locked.raw().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aLoggedOutTokenNoLongerWorksAndNoAnswerCarriesASecret() {
        ApiClient.Reply login = api.post("/api/auth/login", null, Map.of("username", "ana", "password", PASSWORD));
        String token = login.json().path("token").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(login.body()).doesNotContain(PASSWORD).doesNotContain("pbkdf2");
        assertThat(api.get("/api/auth/me", token).json().path("role").asText()).isEqualTo("admin");
        for (String path : new String[]{"/api/bots", "/api/bots/bot", "/api/bots/bot/safety", "/api/bots/bot/audit", "/api/users", "/metrics"}) {
            assertThat(api.get(path, token).body()).as(path).doesNotContain(token).doesNotContain(PASSWORD).doesNotContain("pbkdf2");
        }
        assertThat(api.post("/api/auth/logout", token, Map.of()).status()).isEqualTo(200);
        assertThat(api.get("/api/auth/me", token).status()).isEqualTo(401);
    }

    @Test
    void aRemovedUsersTokensAreRevoked() {
        String admin = api.login("ana", PASSWORD);
        assertThat(api.post("/api/users", admin, Map.of("name", "carl", "role", "operator", "password", "another long one")).status()).isEqualTo(201);
        String carl = api.login("carl", "another long one");
        assertThat(api.get("/api/bots", carl).status()).isEqualTo(200);
        assertThat(api.call("DELETE", "/api/users/carl", admin, null).status()).isEqualTo(200);
        assertThat(api.get("/api/bots", carl).status()).isEqualTo(401);
    }

    @Test
    void anotherSitesPageGetsNoCorsPermission() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plane.port() + "/api/health"))
                .header("Origin", "http://evil.example").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
    }

    @Test
    void aTokenExpiresAfterItsTimeToLive() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        TokenSessions sessions = new TokenSessions(Duration.ofHours(8), clock);
        String token = sessions.issue(new Principal("ana", "desk", Role.ADMIN, false)).token();
        clock.now = clock.now.plus(Duration.ofHours(8).minusSeconds(1));
        assertThat(sessions.find(token)).isPresent();
        clock.now = clock.now.plusSeconds(1);
        assertThat(sessions.find(token)).isEmpty();
    }

    @Test
    void aLockOutEndsWhenTheFailuresLeaveTheWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(2, Duration.ofMinutes(1), clock);
        throttle.failed("10.0.0.1", "ana");
        throttle.failed("10.0.0.1", "ana");
        assertThat(throttle.blocked("10.0.0.2", "ana")).hasValue(Duration.ofMinutes(1));
        assertThat(throttle.blocked("10.0.0.1", "someone-else")).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(throttle.blocked("10.0.0.1", "ana")).isEmpty();
    }

    @Test
    void aHashVerifiesOnlyItsOwnPasswordAndIsSaltedEachTime() {
        String a = Passwords.hash("a long password".toCharArray(), 1_000);
        String b = Passwords.hash("a long password".toCharArray(), 1_000);
        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$1000$");
        assertThat(Passwords.matches("a long password".toCharArray(), a)).isTrue();
        assertThat(Passwords.matches("a long passwore".toCharArray(), a)).isFalse();
        assertThat(Passwords.hash("x".repeat(8).toCharArray())).startsWith("pbkdf2-sha256$" + Passwords.ITERATIONS + "$");
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
