package io.tradekit.examples.cli;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static Bar bar(int i, String close) {
        BigDecimal c = new BigDecimal(close);
        return new Bar("BTCUSDT", Timeframe.M1, T0.plusSeconds(60L * i), c, c, c, c, BigDecimal.TEN);
    }

    @Test
    void theLineShowsTheRunningBotsStateLastBarPositionEquityAndOpenOrders() {
        Instrument btc = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.001"), new BigDecimal("0.001"), BigDecimal.ONE);
        // bar 0: buy 1 at market (fills at 100); bar 1: a limit buy at 50 that stays open
        Strategy twoOrders = (bar, ctx) -> {
            if (ctx.openOrders().isEmpty() && ctx.position().quantity().signum() == 0) {
                ctx.submit(OrderIntent.market("BTCUSDT", Side.BUY, BigDecimal.ONE));
            } else if (ctx.openOrders().isEmpty()) {
                ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, BigDecimal.ONE, new BigDecimal("50")));
            }
        };
        PaperExchange venue = new PaperExchange(PaperSettings.of(btc, new BigDecimal("1000")).withFees(BigDecimal.ZERO, BigDecimal.ZERO));
        try (TradingBot bot = TradeKit.bot("beat").exchange(venue).symbol("BTCUSDT").timeframe(Timeframe.M1).strategy(twoOrders)
                .dataClock().build()) {
            bot.start();
            ReplayDriver.of(bot).feed(bar(0, "100"));
            ReplayDriver.of(bot).feed(bar(1, "110"));
            ReplayDriver.of(bot).feed(bar(2, "120"));
            // the third bar opened at 00:02 and closed at 00:03; cash 1000 - 100 = 900 (the open buy at 50 locks 50 of it), 1 BTC marked at 120: equity 1020
            assertThat(Heartbeat.line(bot, Instant.parse("2026-12-03T12:00:00Z"))).isEqualTo(
                    "heartbeat   2026-12-03T12:00:00Z  state RUNNING, last bar closed 2024-01-01T00:03:00Z, position 1, equity 1020, open orders 1");
        }
    }

    @Test
    void itPrintsOncePerIntervalAndNotAtAllWhenOff() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicReference<String> asked = new AtomicReference<>("never");
        Heartbeat beat = new Heartbeat(() -> {
            asked.set("asked");
            throw new IllegalStateException("stop here: the test checks when the line is made, not its text");
        }, Duration.ofSeconds(60), new PrintStream(out, true, StandardCharsets.UTF_8));
        long s = 1_000_000_000L;
        beat.tick(0);
        beat.tick(59 * s);
        assertThat(asked).hasValue("never");
        try {
            beat.tick(60 * s);
        } catch (IllegalStateException expected) {
            // the line was being made at 60 s
        }
        assertThat(asked).hasValue("asked");

        Heartbeat off = new Heartbeat(() -> {
            throw new AssertionError("an 'off' heartbeat never reads the bot");
        }, Duration.ZERO, new PrintStream(out, true, StandardCharsets.UTF_8));
        off.tick(0);
        off.tick(3_600 * s);
        assertThat(out.size()).isZero();
    }
}
