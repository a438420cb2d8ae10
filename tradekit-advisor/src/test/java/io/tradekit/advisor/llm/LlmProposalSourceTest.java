package io.tradekit.advisor.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.advisor.AdviceContext;
import io.tradekit.advisor.BotFigures;
import io.tradekit.advisor.Loopback;
import io.tradekit.advisor.ParameterChange;
import io.tradekit.advisor.ParameterRange;
import io.tradekit.advisor.Proposal;
import io.tradekit.advisor.ProposalSource;
import io.tradekit.advisor.Secret;
import io.tradekit.advisor.rules.GridRuleSettings;
import io.tradekit.advisor.rules.GridRuleSource;
import io.tradekit.api.Params;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LlmProposalSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
    private static final List<ParameterRange> ALLOWED = List.of(ParameterRange.integers("levels", 2, 50),
            ParameterRange.decimals("spacing", new BigDecimal("0.1"), BigDecimal.TEN));
    // win rate 0.3 with a 14 % drawdown over 25 round trips: the grid rules make the grid wider and shallower
    private static final AdviceContext CONTEXT = new AdviceContext("btc-grid", "grid",
            Params.of("grid", Map.of("levels", "6", "spacing", "0.8", "budget", "1000", "stop-price", "41000")),
            new BotFigures(NOW, new BigDecimal("9650"), new BigDecimal("-3.5"), new BigDecimal("14"), 0.3, 25, -0.8, 0.6), List.of(), NOW);

    static Stream<ProviderFake> providers() {
        return Stream.of(ProviderFake.openAi(), ProviderFake.anthropic(), ProviderFake.gemini(), ProviderFake.ollama());
    }

    /** A provider's loopback server answering the model text {@code answer} to every request that passes its checks. */
    private static Loopback server(ProviderFake fake, Supplier<String> answer, List<JsonNode> requests) throws Exception {
        return new Loopback(fake.path(), ex -> {
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            requests.add(body);
            Optional<ProviderFake.Refusal> refusal = "POST".equals(ex.getRequestMethod())
                    ? fake.check().check(ex.getRequestHeaders(), body) : Optional.of(new ProviderFake.Refusal(405, "{}"));
            if (refusal.isPresent()) {
                Loopback.answer(ex, refusal.get().status(), refusal.get().body());
            } else {
                Loopback.answer(ex, 200, fake.wrap().apply(answer.get()));
            }
        });
    }

    private static LlmProposalSource source(ProviderFake fake, Loopback server, Duration deadline, long maxBytes, Optional<ProposalSource> fallback) {
        String base = fake.name().equals("openai") ? "/v1" : "";
        // a local Ollama needs no key; one behind a proxy is given one, so every provider is tested with a key to keep secret
        return new LlmProposalSource(fake.protocol(), new LlmEndpoint(server.uri(base), ProviderFake.MODEL,
                Optional.of(Secret.of(ProviderFake.KEY, "api key"))),
                new LlmSourceSettings("grid", ALLOWED, deadline, maxBytes, Duration.ofHours(2)), fallback);
    }

    private static LlmProposalSource source(ProviderFake fake, Loopback server, Optional<ProposalSource> fallback) {
        return source(fake, server, Duration.ofSeconds(60), 64 * 1024, fallback);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void anAnswerInTheProvidersFormatBecomesAProposalAndTheContextHoldsOnlyFiguresAndAllowedParameters(ProviderFake fake) throws Exception {
        List<JsonNode> requests = new CopyOnWriteArrayList<>();
        try (Loopback server = server(fake, () -> "{\"changes\": {\"levels\": 8, \"spacing\": \"0.6\"}, \"reason\": \"volatility fell; a tighter, deeper grid\"}",
                requests)) {
            List<Proposal> proposals = source(fake, server, Optional.empty()).propose(CONTEXT);

            assertThat(proposals).singleElement().satisfies(p -> {
                assertThat(p.source()).isEqualTo("llm-" + fake.name());
                assertThat(p.changes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "levels", new ParameterChange("levels", Optional.of("6"), "8"),
                        "spacing", new ParameterChange("spacing", Optional.of("0.8"), "0.6")));
                assertThat(p.reason()).isEqualTo("volatility fell; a tighter, deeper grid");
                assertThat(p.evidence()).containsEntry("model", fake.name() + "/" + ProviderFake.MODEL).containsEntry("winRate", "0.3");
                assertThat(p.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
            });
            JsonNode context = JSON.readTree(fake.userText().apply(requests.getFirst()));
            assertThat(context.path("figures").path("maxDrawdownPct").asText()).isEqualTo("14");
            assertThat(context.path("parameters").findValuesAsText("key")).containsExactly("levels", "spacing");
            assertThat(requests.getFirst().toString()).doesNotContain("41000").doesNotContain("stop-price").doesNotContain(ProviderFake.KEY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void wrongKeysAndValuesOutsideTheirRangeAreDropped(ProviderFake fake) throws Exception {
        try (Loopback server = server(fake, () -> "```json\n{\"changes\": {\"levels\": 500, \"budget\": \"99999\", \"spacing\": 0.7, \"stop-price\": 1,"
                + " \"levels \": 9}, \"reason\": \"more\"}\n```", new CopyOnWriteArrayList<>())) {
            List<Proposal> proposals = source(fake, server, Optional.empty()).propose(CONTEXT);

            assertThat(proposals).singleElement().satisfies(p -> {
                assertThat(p.changes()).containsOnlyKeys("spacing");
                assertThat(p.changes().get("spacing").proposed()).isEqualTo("0.7");
                assertThat(p.evidence().get("dropped")).contains("levels: '500' is outside 2..50").contains("'budget': not a parameter");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void proseEmptyOrSchemaLessAnswersFallBackToTheRulesWhenConfiguredAndOtherwiseProposeNothing(ProviderFake fake) throws Exception {
        for (String bad : List.of("I would widen the grid a little.", "", "{\"levels\": 8}", "{\"changes\": {\"levels\": 8}}",
                "{\"changes\": {\"levels\": \"abc\"}, \"reason\": \"x\"}", "{\"changes\": {}, \"reason\": \"all good\"}")) {
            try (Loopback server = server(fake, () -> bad, new CopyOnWriteArrayList<>())) {
                List<Proposal> withRules = source(fake, server, Optional.of(new GridRuleSource(GridRuleSettings.standard()))).propose(CONTEXT);
                assertThat(withRules).as(bad).singleElement().satisfies(p -> {
                    assertThat(p.source()).isEqualTo("grid-rules");
                    // the rules: spacing 0.8 * 1.25 = 1, levels 6 - 1 = 5
                    assertThat(p.changes().get("spacing").proposed()).isEqualTo("1");
                    assertThat(p.changes().get("levels").proposed()).isEqualTo("5");
                });
                assertThat(source(fake, server, Optional.empty()).propose(CONTEXT)).as(bad).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void anOversizedAnswerIsRefusedAndASlowOneEndsAtTheDeadline(ProviderFake fake) throws Exception {
        String huge = "{\"changes\": {\"levels\": 8}, \"reason\": \"" + "x".repeat(20_000) + "\"}";
        try (Loopback server = server(fake, () -> huge, new CopyOnWriteArrayList<>())) {
            assertThat(source(fake, server, Duration.ofSeconds(60), 8 * 1024, Optional.empty()).propose(CONTEXT)).isEmpty();
            // the same answer within a larger limit is read: the limit, not the answer, refused it
            assertThat(source(fake, server, Duration.ofSeconds(60), 64 * 1024, Optional.empty()).propose(CONTEXT))
                    .singleElement().satisfies(p -> assertThat(p.reason()).startsWith("xxx").contains("(20000 characters in all)"));
        }
        CountDownLatch release = new CountDownLatch(1);
        try (Loopback slow = server(fake, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "{\"changes\": {\"levels\": 8}, \"reason\": \"late\"}";
        }, new CopyOnWriteArrayList<>())) {
            assertThat(source(fake, slow, Duration.ofSeconds(1), 64 * 1024, Optional.empty()).propose(CONTEXT)).isEmpty();
        } finally {
            release.countDown();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void theApiKeyAppearsInNoLogLineEvenWhenTheProviderEchoesIt(ProviderFake fake) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Loopback server = new Loopback(fake.path(), ex -> {
            ex.getRequestBody().readAllBytes();
            Loopback.answer(ex, 401, "{\"error\":{\"message\":\"Incorrect API key provided: " + ProviderFake.KEY + "\"}}");
        })) {
            LlmProposalSource source = source(fake, server, Optional.empty());
            assertThat(source.propose(CONTEXT)).isEmpty();
            assertThat(source.toString()).doesNotContain(ProviderFake.KEY);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("HTTP 401").contains("no proposal").doesNotContain(ProviderFake.KEY);
    }
}
