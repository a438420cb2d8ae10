package io.tradekit.examples.modes;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.event.BotEvent;
import io.tradekit.core.Plugins;
import io.tradekit.core.Replay;
import io.tradekit.config.BotConfig;
import io.tradekit.config.BotConfigReader;
import io.tradekit.config.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paper mode against the simulator: the market data comes from the venue over real sockets, the fills
 * from the paper exchange with the configured account, and nothing reaches the venue's account; the
 * paper book outlives the session, so a second session resumes where the first stopped.
 */
class PaperModeTest {

    @TempDir
    Path dir;

    @Test
    void paperFillsLocallyOnTheVenuesMarketDataAndResumesFromItsBook() {
        try (BinanceOnLoopback venue = new BinanceOnLoopback(300, 40, 12, true)) {
            // No credentials: paper trading reads the venue's market data only.
            BotConfig config = new BotConfigReader(Map.of()).parse(venue.config("paper-sma", dir, "sma-cross", Map.of("fast", 2, "slow", 5),
                    Map.of("paper", Map.of("cash", 5000, "makerFeeBps", 0, "takerFeeBps", 0))), "paper-sma.json");
            List<Fill> fills = new CopyOnWriteArrayList<>();
            BigDecimal position;
            try (TradingSession first = TradingSession.open(config, Mode.PAPER, Plugins.discover(), false, "paper-sma.json")) {
                first.onEvent(e -> {
                    if (e instanceof BotEvent.FillApplied f) fills.add(f.fill());
                });
                first.start();
                assertThat(first.bot().equity()).as("the paper account's cash").isEqualByComparingTo("5000");
                // Warmed up from the history (no bar event), it only has to be listening before the market moves.
                BinanceOnLoopback.await("the kline stream open", () -> venue.sim.klineSubscribers() == 1);
                for (int i = 0; i < 17; i++) venue.step(first.bot());
                assertThat(first.barsProcessed()).as("warmed up from the venue's history: every streamed bar is traded on").isEqualTo(17);
                position = first.bot().position().quantity();
                first.stop();
            }

            assertThat(fills).as("the paper exchange filled the strategy's orders").hasSizeGreaterThanOrEqualTo(3);
            List<BigDecimal> closes = venue.sim.closedBars().stream().map(Bar::close).toList();
            for (Fill f : fills) {
                assertThat(closes).as("a market order fills at the close the simulator streamed").anySatisfy(c -> assertThat(c).isEqualByComparingTo(f.price()));
                assertThat(f.fee()).isZero();
            }
            assertThat(venue.sim.requests("POST", "/api/v3/order")).as("no order reached the venue").isZero();
            assertThat(venue.sim.requests("GET", "/api/v3/account")).as("the venue's account is not the paper account").isZero();
            assertThat(venue.sim.orders()).isEmpty();
            assertThat(Replay.paperBookFor(dir.resolve("paper-sma-paper.db"))).as("the paper book beside the paper journal").exists();

            try (TradingSession second = TradingSession.open(config, Mode.PAPER, Plugins.discover(), false, "paper-sma.json")) {
                second.start();
                BigDecimal secondStart = second.bot().equity();
                assertThat(secondStart).as("the first session made or lost money, so the second starts elsewhere").isNotEqualByComparingTo("5000");
                BinanceOnLoopback.await("the kline stream open", () -> venue.sim.klineSubscribers() == 1);
                assertThat(second.bot().position().quantity()).as("resumed with the first session's position").isEqualByComparingTo(position);
                assertThat(second.bot().orders()).hasSizeGreaterThanOrEqualTo(fills.size());
                for (int i = 0; i < 5; i++) venue.step(second.bot());
                assertThat(second.barsProcessed()).as("the resumed bot trades on the new bars").isEqualTo(5);
                SessionResult resumed = second.stop();
                assertThat(resumed.result().fills()).as("the report covers both sessions' fills").hasSizeGreaterThanOrEqualTo(fills.size())
                        .startsWith(fills.toArray(Fill[]::new));
                // Both sessions' figures are measured from the journal's first starting equity, the paper cash, not the second session's.
                var figures = resumed.result();
                assertThat(figures.initialCash()).isEqualByComparingTo("5000");
                assertThat(figures.returnPct()).isEqualByComparingTo(figures.finalEquity().subtract(new BigDecimal("5000"))
                        .multiply(new BigDecimal("100")).divide(new BigDecimal("5000"), java.math.MathContext.DECIMAL64)
                        .setScale(4, java.math.RoundingMode.HALF_EVEN));
            }
            assertThat(venue.sim.requests("POST", "/api/v3/order")).isZero();
        }
    }
}
