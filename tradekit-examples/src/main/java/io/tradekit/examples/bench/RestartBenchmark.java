package io.tradekit.examples.bench;

import io.tradekit.api.Instrument;
import io.tradekit.api.Timeframe;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.store.StateStores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long a bot whose journal holds 100 000 fills takes to come back: open the SQLite file, load and
 * check the state, rebuild positions from every fill, reconcile with the venue (a local paper venue, so
 * the venue's own latency is not counted), start trading, then stop and write its snapshot.
 *
 * <pre>{@code java -jar tradekit-examples/target/tradekit.jar bench RestartBenchmark -f 1 -wi 2 -i 3}</pre>
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class RestartBenchmark {

    private static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"));

    /** Created by JMH, once per fork. */
    public RestartBenchmark() {
    }

    /**
     * Builds a bot on the journal with 100 000 fills and a fresh paper venue, starts it (load, check, reconcile) and
     * stops it.
     *
     * @param journal the bot file, written once per trial by {@link JournalBenchmark.BotWith100kFills}
     * @return the position the bot resumed with, returned so that JMH keeps the work
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public BigDecimal startAndStopABotWith100kFills(JournalBenchmark.BotWith100kFills journal) {
        PaperExchange venue = new PaperExchange(PaperSettings.of(BTC, new BigDecimal("10000"))
                .withBalances(Map.of("USDT", new BigDecimal("10000"), "BTC", new BigDecimal("40"))));
        TradingBot bot = TradeKit.bot("bench").exchange(venue).symbol("BTCUSDT").timeframe(Timeframe.M1)
                .strategy((bar, ctx) -> { }).store(StateStores.sqlite(journal.file)).dataClock().adoptVenuePosition(true).build();
        try {
            bot.start();
            return bot.position().quantity();
        } finally {
            bot.stop();
        }
    }
}
