package io.tradekit.core.perp;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Side;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.Replay;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A perpetual bot restarted after the venue closed its position while it was down hears the close with the wallet a bot
 * that stayed up would have had: the close's PnL and fee counted once. Counting them twice (the venue's wallet already
 * holds them, and the missed fill adds them again) sizes the strategy's answer on money the account does not have; a
 * killed replay of sma-cross as a perpetual sent a short the venue refused for insufficient margin.
 */
class PerpetualRestartTest {

    @TempDir
    Path dir;

    @Test
    void aCloseFilledWhileTheBotWasDownMovesTheWalletOnceAndTheStrategyAnswersOnThatWallet() {
        Path db = dir.resolve("bot.db");
        Path book = Replay.paperBookFor(db);
        // 10 bps maker and taker: 1 USDT to open 10 at 100, 1.1 to close them at 110.
        PaperSettings settings = PaperSettings.of(PerpBars.ETH_PERP, new BigDecimal("10000"));
        List<Bar> bars = PerpBars.bars("100 100 100 100", "101 103 99 102", "105 112 104 111");
        try (TradingBot bot = bot(PaperExchange.durable(settings, book), db, new LongThenTakeProfit(new ArrayList<>()))) {
            bot.start();
            ReplayDriver.of(bot).feed(bars.get(0));
            assertThat(ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(bot.position().quantity()).isEqualByComparingTo("10");
            assertThat(bot.openOrders()).singleElement().satisfies(o -> assertThat(o.side()).isEqualTo(Side.SELL));
        }
        PaperExchange down = PaperExchange.durable(settings, book);
        down.onBar(bars.get(2)); // while the bot is down the venue trades through its take-profit at 110
        down.close();

        List<String> heard = new CopyOnWriteArrayList<>();
        PaperExchange venue = PaperExchange.durable(settings, book);
        try (TradingBot bot = bot(venue, db, new LongThenTakeProfit(heard))) {
            bot.start(lastBar -> bars.subList(0, 1));
            assertThat(ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(30))).isTrue();
            // It starts with the wallet before the close (10000 - 1 opening fee), hears the close with the wallet after it
            // (+100 gross, -1.1 fee), and sizes its next entry on that wallet.
            assertThat(heard).containsExactly("start: position 10, wallet 9999", "fill SELL 10 @ 110, wallet 10097.9");
            assertThat(bot.cash()).isEqualByComparingTo("10097.9");
            assertThat(venue.openOrders("ETHUSDT")).singleElement().satisfies(o -> {
                assertThat(o.side()).isEqualTo(Side.BUY);
                // A tenth of the wallet, at 5x, at 100: 10097.9 * 0.1 * 5 / 100.
                assertThat(o.quantity()).isEqualByComparingTo("50.48");
            });
        }
    }

    private static TradingBot bot(PaperExchange venue, Path db, Strategy strategy) {
        return TradeKit.bot("perp-down").exchange(venue).symbol("ETHUSDT").timeframe(PerpBars.H4)
                .strategy(strategy).store(StateStores.sqlite(db)).dataClock().leverage(new BigDecimal("5")).build();
    }

    /**
     * Buys 10 at market on its first bar, rests a take-profit at 110 once filled, and answers the take-profit's fill with a
     * bid at 100 for a tenth of its wallet at 5x; says what it hears and the wallet it hears it with.
     */
    private record LongThenTakeProfit(List<String> heard) implements Strategy {
        @Override
        public void onStart(StrategyContext ctx) {
            heard.add("start: position " + plain(ctx.position().quantity()) + ", wallet " + plain(ctx.cash()));
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (ctx.openOrders().isEmpty() && ctx.position().isFlat()) ctx.submit(OrderIntent.market("ETHUSDT", Side.BUY, BigDecimal.TEN));
        }

        @Override
        public void onFill(Fill fill, StrategyContext ctx) {
            if (fill.side() == Side.BUY) {
                ctx.submit(OrderIntent.limit("ETHUSDT", Side.SELL, fill.quantity(), new BigDecimal("110")));
                return;
            }
            heard.add("fill SELL " + plain(fill.quantity()) + " @ " + plain(fill.price()) + ", wallet " + plain(ctx.cash()));
            BigDecimal size = ctx.cash().multiply(new BigDecimal("0.5")).divide(new BigDecimal("100"), 2, java.math.RoundingMode.DOWN);
            ctx.submit(OrderIntent.limit("ETHUSDT", Side.BUY, size, new BigDecimal("100")));
        }

        private static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }
    }
}
