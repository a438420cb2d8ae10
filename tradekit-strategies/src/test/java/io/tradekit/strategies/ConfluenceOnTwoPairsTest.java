package io.tradekit.strategies;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Params;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.TradeKit;
import io.tradekit.core.marketdata.TimeframeAggregator;
import io.tradekit.core.report.PairFigures;
import io.tradekit.core.report.PairReport;
import io.tradekit.core.sizing.PositionSizers;
import io.tradekit.data.DataSets;
import io.tradekit.strategies.confluence.Confluence;
import io.tradekit.strategies.confluence.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's first done-when as one run: a backtest over two pairs, ETH/USD (eth-usd-5m) and BTC/USD (btc-usd-1m's
 * Bitstamp trades aggregated to 5m by core's aggregator and moved, whole hours, onto the ETH bars' days so both pairs
 * trade the same hours), each pair deciding with its own confluence of sma-cross and rsi on 5m confirmed by the 1h
 * trend. Every decision of each pair equals the one {@link ConfluenceByHand} works out from that pair's bars alone,
 * no pair ever holds more than one position, and the per-pair report agrees with the trades.
 */
class ConfluenceOnTwoPairsTest {

    static final String ETH = "ETHUSD";
    static final String BTC = "BTCUSD";
    static Map<String, List<Bar>> pairs;
    static final List<Confluence> made = new ArrayList<>();
    static BacktestResult result;

    @BeforeAll
    static void run() {
        List<Bar> eth = DataSets.load("eth-usd-5m", java.util.Optional.of(ETH), java.util.Optional.empty());
        pairs = new LinkedHashMap<>();
        pairs.put(ETH, eth);
        pairs.put(BTC, btcFiveMinutesOnTheDaysOf(eth));
        result = TradeKit.backtest().pairs(pairs)
                .strategyPerPair("confluence", () -> {
                    Confluence c = (Confluence) Plugins.discover().strategy("confluence")
                            .create(Params.of("confluence", ConfluenceOnEthDataTest.PARAMS));
                    made.add(c);
                    return c;
                })
                // 40 % of equity per entry: both pairs can be long at once, so every entry the votes call for fills
                .sizer(PositionSizers.percentOfEquity(new BigDecimal("0.4")))
                .cash(new BigDecimal("10000")).feeBps(BigDecimal.ZERO).run();
    }

    /** BTC 1m bars to 5m, from the first whole hour, moved by whole hours so the first opens when ETH's does; as many as ETH has. */
    static List<Bar> btcFiveMinutesOnTheDaysOf(List<Bar> eth) {
        TimeframeAggregator fiveMinutes = new TimeframeAggregator(BTC, Timeframe.M1, Timeframe.M5);
        List<Bar> fives = new ArrayList<>();
        for (Bar minute : DataSets.load("btc-usd-1m", java.util.Optional.of(BTC), java.util.Optional.empty())) {
            fives.addAll(fiveMinutes.add(minute));
        }
        int start = 0;
        while (fives.get(start).openTime().getEpochSecond() % 3600 != 0) start++;
        Duration shift = Duration.between(fives.get(start).openTime(), eth.getFirst().openTime());
        assertThat(shift.toSeconds() % 3600).as("a whole number of hours keeps every hour whole").isZero();
        List<Bar> moved = new ArrayList<>();
        for (Bar b : fives.subList(start, start + eth.size())) {
            moved.add(new Bar(BTC, b.timeframe(), b.openTime().plus(shift), b.open(), b.high(), b.low(), b.close(), b.volume()));
        }
        return moved;
    }

    @Test
    void eachPairDecidesAsItsOwnBarsSayWithTheVotesWorkedOutByHand() {
        assertThat(made).as("one confluence per pair, in the pairs' order").hasSize(2);
        int k = 0;
        for (Map.Entry<String, List<Bar>> pair : pairs.entrySet()) {
            ConfluenceByHand.Worked worked = ConfluenceByHand.work(pair.getValue());
            List<Decision> recorded = made.get(k++).decisions();
            assertThat(recorded).as(pair.getKey()).hasSameSizeAs(worked.decisions()).hasSizeGreaterThan(20);
            for (int i = 0; i < recorded.size(); i++) {
                ConfluenceByHand.Expected want = worked.decisions().get(i);
                Decision got = recorded.get(i);
                assertThat(got.time()).as("%s decision %d", pair.getKey(), i).isEqualTo(want.time());
                assertThat(got.vote("sma-cross").orElseThrow().signal() + "," + got.vote("rsi").orElseThrow().signal())
                        .as("%s votes at %s", pair.getKey(), want.time()).isEqualTo(want.votes());
                assertThat(got.buyFraction()).isEqualByComparingTo(want.buy());
                assertThat(got.sellFraction()).isEqualByComparingTo(want.sell());
                assertThat(got.outcome()).as("%s outcome at %s", pair.getKey(), want.time()).isEqualTo(want.outcome());
            }
            assertThat(result.fills()).filteredOn(f -> f.symbol().equals(pair.getKey())).extracting(Fill::side)
                    .as("%s fills", pair.getKey()).containsExactlyElementsOf(worked.fills());
        }
    }

    @Test
    void theEthPairsChosenBarsAreTheOnesCheckedByHandAlone() {
        // The same five bars ConfluenceOnEthDataTest works by hand, now decided by the ETH lane of the two-pair bot.
        Confluence ethLane = made.get(0);
        Map<String, String> outcomes = Map.of("2023-03-14T00:30:00Z", "BUY", "2023-03-14T03:35:00Z", "HOLD",
                "2023-03-14T05:15:00Z", "SELL", "2023-03-14T12:35:00Z", "HOLD", "2023-03-14T19:15:00Z", "HOLD");
        outcomes.forEach((time, outcome) -> assertThat(ethLane.decisions()).filteredOn(d -> d.time().equals(Instant.parse(time)))
                .singleElement().satisfies(d -> assertThat(d.outcome().name()).as(time).isEqualTo(outcome)));
        assertThat(result.fills()).filteredOn(f -> f.symbol().equals(ETH)).first()
                .satisfies(f -> {
                    assertThat(f.time()).isEqualTo(Instant.parse("2023-03-14T00:30:00Z"));
                    assertThat(f.price()).isEqualByComparingTo("1679.35");
                });
    }

    @Test
    void noPairEverHoldsMoreThanOnePosition() {
        Map<String, BigDecimal> held = new LinkedHashMap<>();
        for (Fill fill : result.fills()) {
            BigDecimal before = held.getOrDefault(fill.symbol(), BigDecimal.ZERO);
            if (fill.side() == Side.BUY) {
                assertThat(before).as("%s bought at %s while holding", fill.symbol(), fill.time()).isZero();
                held.put(fill.symbol(), fill.quantity());
            } else {
                assertThat(fill.quantity()).as("%s sells what it holds at %s", fill.symbol(), fill.time()).isEqualByComparingTo(before);
                held.put(fill.symbol(), BigDecimal.ZERO);
            }
        }
        assertThat(held).containsOnlyKeys(ETH, BTC);
    }

    @Test
    void thePerPairReportCountsEachPairsOwnTrades() {
        PairReport report = PairReport.of(result, pairs);
        assertThat(report.pairs()).extracting(PairFigures::symbol).containsExactly(ETH, BTC);
        BigDecimal total = BigDecimal.ZERO;
        for (PairFigures figures : report.pairs()) {
            List<RoundTrip> trips = result.roundTrips().stream().filter(t -> t.symbol().equals(figures.symbol())).toList();
            assertThat(figures.roundTrips()).as(figures.symbol()).isEqualTo(trips.size()).isPositive();
            BigDecimal realized = trips.stream().map(RoundTrip::pnl).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(figures.realizedPnl()).as(figures.symbol()).isEqualByComparingTo(realized);
            total = total.add(realized);
        }
        assertThat(report.total().realizedPnl()).isEqualByComparingTo(total);
    }
}
