package io.tradekit.binance.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.BookLevel;
import io.tradekit.api.OrderBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's depth snapshot and diff stream seen from a plain client. The data's first bar closes at 100,
 * the next ones at 101, 102, ...; tick 0.01; default synthetic depth 10 levels a side of 1, 2, ... 10.
 */
class BinanceSimulatorDepthTest {

    private BinanceSimulator sim;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        sim = BinanceSimulator.start(0, BinanceSimulatorProtocolTest.TestData.bars());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> depth(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/api/v3/depth?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSnapshotShowsTheSyntheticLadderAroundTheTouchWithItsUpdateIdAndWeight() throws Exception {
        HttpResponse<String> first = depth("symbol=BTCUSDT&limit=3");
        HttpResponse<String> second = depth("symbol=BTCUSDT&limit=1000");

        // the first publication at start set 20 levels, update ids 1001..1020
        assertThat(first.body()).isEqualTo("{\"lastUpdateId\":1020,"
                + "\"bids\":[[\"100.00000000\",\"1.00000000\"],[\"99.99000000\",\"2.00000000\"],[\"99.98000000\",\"3.00000000\"]],"
                + "\"asks\":[[\"100.01000000\",\"1.00000000\"],[\"100.02000000\",\"2.00000000\"],[\"100.03000000\",\"3.00000000\"]]}");
        JsonNode all = Json.read(second.body());
        assertThat(all.get("bids")).hasSize(10);
        assertThat(all.get("asks").get(9).toString()).isEqualTo("[\"100.10000000\",\"10.00000000\"]");
        long used1 = Long.parseLong(first.headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
        long used2 = Long.parseLong(second.headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
        // limit 3 weighs 5, limit 1000 weighs 50 (a minute boundary between the two requests restarts the count at 50)
        assertThat(used2 - used1 == 50 || used2 == 50).as("weights %d then %d", used1, used2).isTrue();
        assertThat(depth("symbol=NOPE").body()).isEqualTo("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
    }

    @Test
    void aStepSendsTheChangedLevelsWithConsecutiveUpdateIds() throws Exception {
        BinanceSimulatorProtocolTest.Client client = new BinanceSimulatorProtocolTest.Client(sim.streamUrl() + "/ws/btcusdt@depth@100ms");
        try {
            sim.step();
            JsonNode diff = Json.read(client.next());
            // the ladder moved from 100.00 / 100.01 to 101.00 / 101.01: 10 bids and 10 asks set, 10 and 10 removed = 40 ids
            assertThat(diff.get("e").asText()).isEqualTo("depthUpdate");
            assertThat(diff.get("U").asLong()).isEqualTo(1021);
            assertThat(diff.get("u").asLong()).isEqualTo(1060);
            assertThat(diff.get("b").toString()).contains("[\"101.00000000\",\"1.00000000\"]").contains("[\"100.00000000\",\"0.00000000\"]");
            assertThat(diff.get("a").toString()).contains("[\"101.01000000\",\"1.00000000\"]").contains("[\"100.10000000\",\"0.00000000\"]");
            OrderBook book = sim.depthBook("BTCUSDT");
            assertThat(book.lastUpdateId()).isEqualTo(1060);
            assertThat(book.bestBid()).isEqualTo(new BookLevel(new BigDecimal("101.00"), new BigDecimal("1")));
        } finally {
            client.closeBlocking();
        }
    }

    @Test
    void droppedAndReorderedDiffsLeaveTheirMarksInTheUpdateIds() throws Exception {
        BinanceSimulatorProtocolTest.Client client = new BinanceSimulatorProtocolTest.Client(sim.streamUrl() + "/ws/btcusdt@depth");
        try {
            sim.dropNextDepthUpdates(1);
            sim.step(); // ids 1021..1060, not sent
            sim.reorderNextDepthUpdate();
            sim.step(); // 1061..1100, held back
            sim.step(); // 1101..1140, sent first
            List<Long> firstIds = new ArrayList<>();
            for (int i = 0; i < 2; i++) firstIds.add(Json.read(client.next()).get("U").asLong());
            assertThat(firstIds).containsExactly(1101L, 1061L);
        } finally {
            client.closeBlocking();
        }
    }

    @Test
    void aRefusedSnapshotIsA503WithBinancesInternalError() throws Exception {
        sim.refuseDepthSnapshots(1);

        HttpResponse<String> refused = depth("symbol=BTCUSDT");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("\"code\":-1001");
        assertThat(depth("symbol=BTCUSDT").statusCode()).isEqualTo(200);
    }
}
