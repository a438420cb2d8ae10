package io.tradekit.examples.modes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Order;
import io.tradekit.api.OrderStatus;
import io.tradekit.core.Plugins;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import io.tradekit.config.BotConfig;
import io.tradekit.config.BotConfigReader;
import io.tradekit.config.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dry run against the simulator: it connects, reads the account and the market, and decides like a live
 * bot, but the venue never receives an order; the would-be orders are logged, recorded beside the report
 * and journaled as resting, unfilled orders.
 */
class DryRunModeTest {

    @TempDir
    Path dir;

    @Test
    void aDryRunSendsNothingButLogsAndRecordsEveryOrderItWouldSend() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        List<WouldBeOrder> heard = new ArrayList<>();
        SessionResult result;
        try (BinanceOnLoopback venue = new BinanceOnLoopback(300, 32, 12)) {
            BotConfig config = new BotConfigReader(venue.environment())
                    .parse(venue.config("dry-sma", dir, "sma-cross", Map.of("fast", 2, "slow", 5), Map.of()), "dry-sma.json");
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8)); // the simple logger writes to System.err
            try (TradingSession session = TradingSession.open(config, Mode.DRY_RUN, Plugins.discover(), false, "dry-sma.json")) {
                session.onWouldBeOrder(heard::add);
                session.start();
                venue.settle(session.bot(), venue.bars.get(11));
                for (int i = 0; i < 20; i++) venue.step(session.bot());
                assertThat(session.bot().openOrders()).as("the bot believes its would-be orders rest at the venue").isNotEmpty();
                result = session.stop();
            } finally {
                System.setErr(stderr);
            }

            assertThat(venue.sim.requests("POST", "/api/v3/order")).as("no order reached the venue").isZero();
            assertThat(venue.sim.requests("DELETE", "/api/v3/order") + venue.sim.requests("DELETE", "/api/v3/openOrders")).isZero();
            assertThat(venue.sim.orders()).isEmpty();
            assertThat(venue.sim.requests("GET", "/api/v3/account")).as("it read the account like a live bot").isPositive();
        }

        List<WouldBeOrder> orders = result.wouldBeOrders();
        assertThat(orders).as("the strategy wanted to trade").isNotEmpty().isEqualTo(heard);
        assertThat(result.result().fills()).as("a would-be order never fills").isEmpty();
        String logged = log.toString(StandardCharsets.UTF_8);
        for (WouldBeOrder o : orders) assertThat(logged).contains("dry run: would send " + o.describe() + "; nothing sent to binance");

        List<String> lines = Files.readAllLines(dir.resolve("out/dry-run/would-be-orders.jsonl"));
        assertThat(lines).hasSameSizeAs(orders);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < orders.size(); i++) {
            JsonNode line = json.readTree(lines.get(i));
            var request = orders.get(i).request();
            assertThat(line.get("clientOrderId").asText()).isEqualTo(request.clientOrderId());
            assertThat(line.get("side").asText()).isEqualTo(request.side().name());
            assertThat(line.get("type").asText()).isEqualTo(request.type().name());
            assertThat(new BigDecimal(line.get("quantity").asText())).isEqualByComparingTo(request.quantity());
            assertThat(line.get("symbol").asText()).isEqualTo("ETHUSDT");
        }

        try (SqliteStateStore journal = StateStores.sqlite(dir.resolve("dry-sma-dry-run.db"))) {
            assertThat(journal.orders()).extracting(Order::clientOrderId)
                    .containsExactlyElementsOf(orders.stream().map(o -> o.request().clientOrderId()).toList());
            assertThat(journal.orders()).extracting(Order::status).containsOnly(OrderStatus.NEW);
            assertThat(journal.fills()).isEmpty();
        }
        assertThat(dir.resolve("dry-sma.db")).as("the live journal is left alone").doesNotExist();
    }
}
