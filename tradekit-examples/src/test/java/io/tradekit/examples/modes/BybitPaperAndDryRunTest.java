package io.tradekit.examples.modes;

import io.tradekit.api.Fill;
import io.tradekit.api.event.BotEvent;
import io.tradekit.core.Plugins;
import io.tradekit.config.BotConfig;
import io.tradekit.config.BotConfigReader;
import io.tradekit.config.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code "exchange": {"name": "bybit", "settings": {"category": "spot", ...}}} in paper and dry-run modes
 * against the Bybit simulator: paper reads Bybit's market data and fills locally; a dry run reads the
 * account and the market like a live bot and sends nothing.
 */
class BybitPaperAndDryRunTest {

    @TempDir
    Path dir;

    @Test
    void paperTradesOnBybitsMarketDataAndNeverReachesTheAccount() {
        try (BybitOnLoopback venue = new BybitOnLoopback(300, 40, 12, true)) {
            BotConfig config = new BotConfigReader(Map.of()).parse(venue.config("bybit-paper", dir, "sma-cross", Map.of("fast", 2, "slow", 5),
                    Map.of("paper", Map.of("cash", 5000, "makerFeeBps", 0, "takerFeeBps", 0))), "bybit-paper.json");
            List<Fill> fills = new CopyOnWriteArrayList<>();
            try (TradingSession session = TradingSession.open(config, Mode.PAPER, Plugins.discover(), false, "bybit-paper.json")) {
                session.onEvent(e -> {
                    if (e instanceof BotEvent.FillApplied f) fills.add(f.fill());
                });
                session.start();
                BybitOnLoopback.await("the kline topic followed", () -> venue.sim.klineSubscribers() == 1);
                for (int i = 0; i < 17; i++) venue.step(session.bot());
                assertThat(session.barsProcessed()).isEqualTo(17);
                session.stop();
            }
            assertThat(fills).as("the paper exchange filled the strategy's orders").hasSizeGreaterThanOrEqualTo(3);
            assertThat(venue.sim.requests("POST", "/v5/order/create")).as("no order reached Bybit").isZero();
            assertThat(venue.sim.requests("GET", "/v5/account/wallet-balance")).isZero();
            assertThat(venue.sim.orders()).isEmpty();
        }
    }

    @Test
    void aDryRunReadsTheAccountAndMarketButSendsNoOrder() {
        try (BybitOnLoopback venue = new BybitOnLoopback(300, 32, 12)) {
            BotConfig config = new BotConfigReader(venue.environment())
                    .parse(venue.config("bybit-dry", dir, "sma-cross", Map.of("fast", 2, "slow", 5), Map.of()), "bybit-dry.json");
            SessionResult result;
            try (TradingSession session = TradingSession.open(config, Mode.DRY_RUN, Plugins.discover(), false, "bybit-dry.json")) {
                session.start();
                venue.settle(session.bot(), venue.bars.get(11));
                for (int i = 0; i < 20; i++) venue.step(session.bot());
                result = session.stop();
            }
            assertThat(result.wouldBeOrders()).as("the strategy wanted to trade").isNotEmpty();
            assertThat(venue.sim.requests("POST", "/v5/order/create") + venue.sim.requests("POST", "/v5/order/cancel")).isZero();
            assertThat(venue.sim.orders()).isEmpty();
            assertThat(venue.sim.requests("GET", "/v5/account/wallet-balance")).as("it read the account like a live bot").isPositive();
        }
    }

    @Test
    void aLinearPaperBotTradesThePerpetualUnderTheVenuesMarginRulesAndNeverReachesTheAccount() {
        try (BybitOnLoopback venue = BybitOnLoopback.linear(300, 40, 12, true)) {
            BotConfig config = new BotConfigReader(Map.of()).parse(venue.config("bybit-lin-paper", dir, "sma-cross",
                    Map.of("fast", 2, "slow", 5, "allowShort", true), Map.of("paper", Map.of("cash", 5000))), "bybit-lin-paper.json");
            List<BotEvent.FillApplied> fills = new CopyOnWriteArrayList<>();
            try (TradingSession session = TradingSession.open(config, Mode.PAPER, Plugins.discover(), false, "bybit-lin-paper.json")) {
                session.onEvent(e -> {
                    if (e instanceof BotEvent.FillApplied f) fills.add(f);
                });
                session.start();
                BybitOnLoopback.await("the kline topic followed", () -> venue.sim.klineSubscribers() == 1);
                for (int i = 0; i < 17; i++) venue.step(session.bot());
                session.stop();
            }
            assertThat(fills).as("the paper exchange filled the strategy's orders").hasSizeGreaterThanOrEqualTo(3);
            assertThat(fills).as("a short was opened on paper").anyMatch(f -> f.position().quantity().signum() < 0);
            assertThat(venue.sim.requests("GET", "/v5/market/risk-limit")).as("the venue's margin rules were read").isPositive();
            assertThat(venue.sim.requests("POST", "/v5/order/create") + venue.sim.requests("POST", "/v5/position/set-leverage"))
                    .as("no order and no leverage reached Bybit").isZero();
            assertThat(venue.sim.orders()).isEmpty();
        }
    }

    @Test
    void aLinearDryRunSetsNoLeverageAndSendsNoOrder() {
        try (BybitOnLoopback venue = BybitOnLoopback.linear(300, 32, 12)) {
            BotConfig config = new BotConfigReader(venue.environment()).parse(venue.config("bybit-lin-dry", dir, "sma-cross",
                    Map.of("fast", 2, "slow", 5, "allowShort", true), Map.of()), "bybit-lin-dry.json");
            SessionResult result;
            try (TradingSession session = TradingSession.open(config, Mode.DRY_RUN, Plugins.discover(), false, "bybit-lin-dry.json")) {
                session.start();
                venue.settle(session.bot(), venue.bars.get(11));
                for (int i = 0; i < 20; i++) venue.step(session.bot());
                result = session.stop();
            }
            assertThat(result.wouldBeOrders()).as("the strategy wanted to trade").isNotEmpty();
            assertThat(venue.sim.requests("POST", "/v5/order/create") + venue.sim.requests("POST", "/v5/position/set-leverage"))
                    .as("neither an order nor the leverage was sent").isZero();
            assertThat(venue.sim.orders()).isEmpty();
            assertThat(venue.sim.requests("GET", "/v5/account/wallet-balance")).as("it read the account like a live bot").isPositive();
        }
    }
}
