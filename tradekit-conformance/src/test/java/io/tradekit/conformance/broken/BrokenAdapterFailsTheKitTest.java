package io.tradekit.conformance.broken;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The kit judged by its own standard: run against an adapter that makes the mistakes it exists to catch,
 * it fails, and its messages say what went wrong. Tests needing a fault hook the in-memory venue lacks
 * are skipped with the hook's name, never passed.
 */
class BrokenAdapterFailsTheKitTest {

    /** Outcome of each kit test by display name: "FAILED: message", "ABORTED: reason" or "SUCCESSFUL". */
    private static final Map<String, String> outcomes = new ConcurrentHashMap<>();

    @BeforeAll
    static void runTheKitAgainstTheBrokenAdapter() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(BrokenTradingFixture.class), selectClass(BrokenStreamFixture.class), selectClass(BrokenFaultFixture.class))
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) return;
                String name = id.getLegacyReportingName();
                String message = result.getThrowable().map(Throwable::getMessage).orElse("");
                outcomes.put(name, result.getStatus() + (message.isEmpty() ? "" : ": " + message));
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                outcomes.put(id.getLegacyReportingName(), "SKIPPED: " + reason);
            }
        });
    }

    private static String outcome(String test) {
        return outcomes.entrySet().stream().filter(e -> e.getKey().startsWith(test)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("the kit has no test " + test + "; ran: " + outcomes.keySet()));
    }

    @Test
    void aWrongSignatureFailsNamingTheDocumentedExample() {
        assertThat(outcome("everyDocumentedSigningExampleIsReproducedByTheAdaptersSigner"))
                .startsWith("FAILED").contains("a venue's WebSocket example (non-ASCII)");
    }

    @Test
    void aLookupThatCannotFindItsOrderFails() {
        assertThat(outcome("anOrderIsPlacedLookedUpAndCancelledByItsClientOrderId"))
                .startsWith("FAILED").contains("lookup by client order id 'kit-rest-1' found nothing");
    }

    @Test
    void aCancelAllThatCountsNothingFails() {
        assertThat(outcome("cancelAllCancelsEveryOpenOrderAndCountsThem"))
                .startsWith("FAILED").contains("orders cancel-all reports cancelled").contains("expected: 2");
    }

    @Test
    void aNewOrderSentAgainAfterAServerErrorFails() {
        assertThat(outcome("aServerErrorAfterTheVenueTookTheOrderIsAnUnknownOutcomeLookedUpNeverResent"))
                .startsWith("FAILED").contains("placing into a 5xx");
    }

    @Test
    void aBarPostedTwiceFails() {
        assertThat(outcome("onlyClosedBarsArePostedEachOnceInOrder")).startsWith("FAILED").contains("posted once");
    }

    @Test
    void malformedMessagesDroppedWithoutAnErrorEventFail() {
        assertThat(outcome("malformedMessagesBecomeErrorEventsAndTheStreamGoesOn"))
                .startsWith("FAILED").contains("an ErrorRaised event for each of 7 malformed messages").contains("0 of 7 seen");
    }

    @Test
    void aTickerPricedBeyondUseDroppedWithoutAnErrorEventFails() {
        assertThat(outcome("aTickerPricedBeyondAnyUseIsAnErrorEventAndTheNextTickerArrives"))
                .startsWith("FAILED").contains("a malformed-data error for the venue's own ticker priced 1E+10000000");
    }

    @Test
    void testsNeedingAHookTheSimulatorLacksAreSkippedNamingIt() {
        assertThat(outcome("aStreamThatGoesSilentIsDetectedAndReplaced"))
                .startsWith("ABORTED").contains("the simulator offers no 'silenceStreams' fault hook");
        assertThat(outcomes.values().stream().filter(o -> o.startsWith("ABORTED")))
                .allSatisfy(o -> assertThat(o).containsAnyOf("the simulator offers no '", "does not send orders without blocking"));
    }

    @Test
    void checksOfAnOptionalWayOfSendingTheAdapterLacksAreSkippedNamingIt() {
        assertThat(outcome("anOrderSentWithoutBlockingIntoAServerErrorIsAnUnknownOutcomeNeverResent"))
                .startsWith("ABORTED").contains("does not send orders without blocking (placeWithoutBlocking is empty)");
        // (its simulator lacks the stall hook as well, which this check meets first)
        assertThat(outcome("anOrderSentWithoutBlockingDoesNotWaitForAStalledAnswerWhichEndsUnknownAtTheDeadline")).startsWith("ABORTED");
    }
}
