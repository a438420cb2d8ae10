package io.tradekit.examples.modes;

import io.tradekit.api.Bar;
import io.tradekit.api.event.BotEvent;
import io.tradekit.config.BotConfig;
import io.tradekit.config.BotConfigReader;
import io.tradekit.config.Mode;
import io.tradekit.core.Plugins;
import io.tradekit.core.store.UnrecoverableStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A live bot restarted after bars closed at the venue while it was down acts on each of them, in order and once, from
 * the venue's kline history, before the bars of its stream; more missed bars than its catch-up limit refuse the start,
 * saying how many and which setting to raise. Real Binance adapter, simulator on loopback, SQLite journal.
 */
class LiveCatchUpTest {

    @TempDir
    Path dir;

    @Test
    void barsThatClosedWhileTheBotWasDownAreActedOnOnceInOrderBeforeTheStream() throws Exception {
        try (BinanceOnLoopback venue = new BinanceOnLoopback(0, 40, 20)) {
            Map<String, Object> params = Map.of("fast", 2, "slow", 5);
            BotConfig config = read(venue, params, Map.of());
            try (TradingSession first = TradingSession.open(config, Mode.LIVE, Plugins.discover(), false, "first")) {
                first.start();
                venue.settle(first.bot(), venue.bars.get(19));
                for (int i = 0; i < 5; i++) venue.step(first.bot());
                first.stop();
            }
            // Bars 25, 26 and 27 close while the bot is down.
            for (int i = 0; i < 3; i++) assertThat(venue.sim.step()).isTrue();

            List<Instant> acted = new CopyOnWriteArrayList<>();
            try (TradingSession second = TradingSession.open(config, Mode.LIVE, Plugins.discover(), false, "second")) {
                second.onEvent(e -> {
                    if (e instanceof BotEvent.BarProcessed p) acted.add(p.bar().openTime());
                });
                second.start();
                // start() returns once the missed bars were handed to the bot; the stream's bars come after them.
                venue.settle(second.bot(), venue.bars.get(27));
                venue.step(second.bot());
                BinanceOnLoopback.await("bar 28 acted on", () -> acted.size() >= 4);
                assertThat(acted).as("the missed bars once each, in order, then the stream's")
                        .containsExactly(open(venue, 25), open(venue, 26), open(venue, 27), open(venue, 28));
                assertThat(second.bot().lastBarTime()).as("the bar the journal marks as acted on").contains(venue.bars.get(28).closeTime());
                second.stop();
            }
        }
    }

    @Test
    void moreMissedBarsThanTheLimitRefuseTheStartNamingTheSetting() throws Exception {
        try (BinanceOnLoopback venue = new BinanceOnLoopback(0, 40, 20)) {
            Map<String, Object> params = Map.of("fast", 2, "slow", 5);
            try (TradingSession first = TradingSession.open(read(venue, params, Map.of()), Mode.LIVE, Plugins.discover(), false, "first")) {
                first.start();
                venue.settle(first.bot(), venue.bars.get(19));
                venue.step(first.bot());
                first.stop();
            }
            for (int i = 0; i < 3; i++) assertThat(venue.sim.step()).isTrue();
            BotConfig strict = read(venue, params, Map.of("maxCatchUpBars", 2));
            try (TradingSession second = TradingSession.open(strict, Mode.LIVE, Plugins.discover(), false, "second")) {
                Throwable thrown = catchThrowable(second::start);
                Throwable refusal = thrown;
                while (refusal != null && !(refusal instanceof UnrecoverableStateException)) refusal = refusal.getCause();
                assertThat(refusal).as("the refusal, in %s", thrown).isNotNull();
                assertThat(refusal.getMessage())
                        .contains("3 ETHUSDT 5m bars closed since the last one it acted on (closing " + venue.bars.get(20).closeTime())
                        .contains("more than the 2 a restart catches up").contains("engine.maxCatchUpBars");
            }
        }
    }

    private BotConfig read(BinanceOnLoopback venue, Map<String, Object> params, Map<String, Object> engine) {
        Map<String, Object> extra = new java.util.HashMap<>();
        if (!engine.isEmpty()) {
            Map<String, Object> merged = new java.util.HashMap<>(Map.of("staleAfter", "P36500D", "ackTimeout", "PT5S"));
            merged.putAll(engine);
            extra.put("engine", merged);
        }
        return new BotConfigReader(venue.environment()).parse(venue.config("catchup", dir, "sma-cross", params, extra), "catchup");
    }

    private static Instant open(BinanceOnLoopback venue, int index) {
        Bar bar = venue.bars.get(index);
        return bar.openTime();
    }
}
