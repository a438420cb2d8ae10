package io.tradekit.core.paper;

import io.tradekit.api.event.Event;
import io.tradekit.api.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tradekit.core.paper.MatchingEngineTest.BTC;
import static io.tradekit.core.paper.MatchingEngineTest.bar;
import static io.tradekit.core.paper.MatchingEngineTest.limit;
import static io.tradekit.core.paper.MatchingEngineTest.market;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A durable paper venue, like a real one, tells a bot of an accepted order or a fill only once its book file holds it:
 * a bot that journals what it heard and is killed with the venue never holds an order or a fill the venue lost. Each
 * event is checked, as it arrives, against the file through a connection of its own (what another process would read).
 * Before this held, a fill of a path step was told inside the step's commit, and an order placed while that commit
 * was open joined it: a killed replay's bot journaled an order the venue never kept.
 */
class DurableVenueTellsOnlyWhatItKeptTest {

    @TempDir
    Path dir;

    @Test
    void everyOrderAndFillTheVenueTellsOfIsAlreadyInItsBookFile() throws Exception {
        Path file = dir.resolve("paper.db");
        List<String> told = new CopyOnWriteArrayList<>();
        List<String> notKept = new CopyOnWriteArrayList<>();
        PaperSettings settings = PaperSettings.of(BTC, new BigDecimal("10000"));
        try (PaperExchange venue = PaperExchange.durable(settings, file)) {
            venue.connect(event -> {
                switch (event) {
                    case Event.FillReceived f -> check("fill " + f.fill().fillId(), rows(file, "fills", "fill_id", f.fill().fillId()), told, notKept);
                    case Event.OrderUpdated o -> check("order " + o.update().clientOrderId() + " " + o.update().status(),
                            rows(file, "orders", "client_order_id", o.update().clientOrderId()), told, notKept);
                    default -> {
                    }
                }
            });
            venue.play(bar(0, "100", "101", "99", "100"), time -> { });
            venue.place(limit("bid-1", Side.BUY, "1", "98"));
            venue.place(market("buy-1", Side.BUY, "1"));
            // The path goes down through the bid at 98: a fill inside a step of the path.
            venue.play(bar(1, "100", "100", "97", "99"), time -> { });
            venue.place(limit("ask-1", Side.SELL, "1", "99.5"));
            venue.cancel("BTCUSDT", "ask-1");
        }
        assertThat(told.stream().filter(t -> t.startsWith("fill "))).as("the market buy's fill and the bid's").hasSize(2);
        assertThat(told).contains("order bid-1 NEW", "order bid-1 FILLED", "order buy-1 FILLED", "order ask-1 CANCELED");
        assertThat(notKept).as("told before the book file held it").isEmpty();
    }

    private static void check(String what, int rows, List<String> told, List<String> notKept) {
        told.add(what);
        if (rows == 0) notKept.add(what);
    }

    private static int rows(Path file, String table, String column, String value) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file);
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")) {
            q.setString(1, value);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + file + ": " + e.getMessage(), e);
        }
    }
}
