package io.tradekit.control;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.api.Params;
import io.tradekit.api.spi.StrategyProvider;
import io.tradekit.core.ApprovalSettings;
import io.tradekit.core.ExpiryPolicy;
import io.tradekit.core.Plugins;
import io.tradekit.core.Replay;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.sizing.PercentOfEquity;
import io.tradekit.core.store.StateStores;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A paper bot on core's built-in paper venue, journaled in a real SQLite file, that buys on its first bar
 * and holds, so its equity follows the price; {@link #feeder} feeds it a seeded random walk of one-minute
 * bars on a thread of its own, for as long as the bot runs.
 */
final class FedPaperBot {

    static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.0001"),
            new BigDecimal("0.0001"), new BigDecimal("5"));

    private FedPaperBot() {
    }

    /** Buys when flat, at most {@code maxBuys} times (default once), then holds. */
    static final class BuyAndHold implements Strategy {
        private final int maxBuys;
        private int bought;

        BuyAndHold() {
            this(1);
        }

        BuyAndHold(int maxBuys) {
            this.maxBuys = maxBuys;
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (bought < maxBuys && ctx.position().isFlat()) {
                bought++;
                ctx.signal(Signal.BUY);
            }
        }
    }

    /** Fails on every bar: the bot that crashes. */
    static final class Exploding implements Strategy {
        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            throw new IllegalStateException("strategy blew up on purpose");
        }
    }

    /** {@link BuyAndHold} by name, so that a bot can take proposed changes to its one parameter, {@code max-buys}. */
    static final StrategyProvider BUY_AND_HOLD = new StrategyProvider() {
        @Override
        public String name() {
            return "buy-and-hold";
        }

        @Override
        public Set<String> parameters() {
            return Set.of("max-buys");
        }

        @Override
        public Strategy create(Params params) {
            params.requireOnly(parameters());
            return new BuyAndHold(params.integer("max-buys", 1));
        }
    };

    /** A bot of {@link BuyAndHold} by name that takes proposals (expiry: {@code onExpiry}), checked every 100 ms. */
    static BotLauncher proposable(String id, Path dir, ExpiryPolicy onExpiry) {
        return () -> TradeKit.bot(id)
                .exchange(PaperExchange.durable(PaperSettings.of(BTC, new BigDecimal("10000")), Replay.paperBookFor(dir.resolve(id + ".db"))))
                .symbol(BTC.symbol())
                .timeframe(Timeframe.M1)
                .plugins(Plugins.discover().register(BUY_AND_HOLD))
                .strategy("buy-and-hold", Map.of())
                .approvals(ApprovalSettings.defaults().onExpiry(onExpiry).checkEvery(Duration.ofMillis(100)))
                .sizer(new PercentOfEquity(new BigDecimal("0.5")))
                .store(StateStores.sqlite(dir.resolve(id + ".db")))
                .dataClock()
                .build();
    }

    static BotLauncher launcher(String id, Path dir, Supplier<Strategy> strategy) {
        return () -> TradeKit.bot(id)
                .exchange(PaperExchange.durable(PaperSettings.of(BTC, new BigDecimal("10000")), Replay.paperBookFor(dir.resolve(id + ".db"))))
                .symbol(BTC.symbol())
                .timeframe(Timeframe.M1)
                .strategy(strategy.get())
                .sizer(new PercentOfEquity(new BigDecimal("0.5")))
                .store(StateStores.sqlite(dir.resolve(id + ".db")))
                .dataClock()
                .build();
    }

    static BotSpec spec(String id, String tenant, Path dir) {
        return BotSpec.of(id, tenant, proposable(id, dir, ExpiryPolicy.NOTHING)).venue("paper").mode("paper");
    }

    /**
     * Feeds the fleet's bot {@code id} one bar every {@code everyMs} while the returned thread runs (interrupt
     * it to stop); a bot that is not running is skipped.
     */
    static Thread feeder(Fleet fleet, String id, long everyMs, long seed) {
        Random random = new Random(seed);
        AtomicLong minute = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() / 60);
        BigDecimal[] price = {new BigDecimal("30000")};
        Thread t = Thread.ofPlatform().daemon().name("feeder-" + id).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                fleet.bot(id).ifPresent(bot -> {
                    try {
                        ReplayDriver.of(bot).feed(nextBar(random, minute.getAndIncrement(), price));
                    } catch (RuntimeException e) {
                        // stopped between the lookup and the feed
                    }
                });
                try {
                    Thread.sleep(everyMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return t;
    }

    static void feed(TradingBot bot, int bars, long seed) {
        feedFrom(bot, 0, bars, seed);
    }

    /** Feeds {@code bars} bars whose first opens {@code fromMinute} minutes after the walk's start. */
    static void feedFrom(TradingBot bot, long fromMinute, int bars, long seed) {
        Random random = new Random(seed);
        BigDecimal[] price = {new BigDecimal("30000")};
        long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() / 60 + fromMinute;
        for (int i = 0; i < bars; i++) ReplayDriver.of(bot).feed(nextBar(random, start + i, price));
    }

    private static Bar nextBar(Random random, long minute, BigDecimal[] price) {
        BigDecimal open = price[0];
        BigDecimal close = open.multiply(BigDecimal.valueOf(1 + (random.nextDouble() - 0.5) * 0.02)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal high = open.max(close).multiply(new BigDecimal("1.002")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal low = open.min(close).multiply(new BigDecimal("0.998")).setScale(2, RoundingMode.HALF_UP);
        price[0] = close;
        return new Bar(BTC.symbol(), Timeframe.M1, Instant.ofEpochSecond(minute * 60), open, high, low, close, BigDecimal.ONE);
    }
}
