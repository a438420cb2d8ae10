package io.tradekit.core.report;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.Fill;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.EquityPoint;
import io.tradekit.core.ExitReason;
import io.tradekit.core.RoundTrip;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every figure of {@link TraderFigures} against values worked out by hand on a small run: a year of daily
 * bars from 1000 to 1100 of equity, marked six times, and three round trips of +60, -20 and +60.
 */
class TraderFiguresTest {

    static final Instant T0 = Instant.parse("2023-01-01T00:00:00Z");

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    static EquityPoint mark(int day, String equity) {
        return new EquityPoint(day(day), new BigDecimal(equity));
    }

    /** Marks at bar closes, i.e. at midnight: each closes the day before it. */
    static final List<EquityPoint> CURVE = List.of(mark(1, "1000"), mark(92, "1050"), mark(93, "1071"), mark(183, "963.9"),
            mark(274, "1060.29"), mark(365, "1100"));

    static RoundTrip trip(int entryDay, int exitDay, String entry, String exit, String pnl, ExitReason reason) {
        return new RoundTrip("X-USD", Side.BUY, day(entryDay), day(exitDay), new BigDecimal(entry), new BigDecimal(exit), BigDecimal.ONE,
                BigDecimal.ZERO, new BigDecimal(pnl), reason);
    }

    static Fill fill(int n, Side side, int day, String price) {
        return new Fill("f" + n, "o" + n, "v" + n, "X-USD", side, new BigDecimal(price), BigDecimal.ONE, BigDecimal.ZERO, "USD", day(day), false);
    }

    static BacktestResult result() {
        List<RoundTrip> trips = List.of(trip(10, 11, "200", "260", "60", ExitReason.SIGNAL),
                trip(100, 102, "220", "200", "-20", ExitReason.STOP_LOSS), trip(200, 203, "230", "290", "60", ExitReason.SIGNAL));
        List<Fill> fills = List.of(fill(1, Side.BUY, 10, "200"), fill(2, Side.SELL, 11, "260"), fill(3, Side.BUY, 100, "220"),
                fill(4, Side.SELL, 102, "200"), fill(5, Side.BUY, 200, "230"), fill(6, Side.SELL, 203, "290"));
        return BacktestResult.builder()
                .strategy("s")
                .symbol("X-USD")
                .timeframe(Timeframe.D1)
                .bars(365)
                .orders(List.of())
                .fills(fills)
                .roundTrips(trips)
                .equityCurve(CURVE)
                .initialCash(new BigDecimal("1000"))
                .fees(BigDecimal.ZERO)
                .realizedPnl(new BigDecimal("100"))
                .finalEquity(new BigDecimal("1100"))
                .returnPct(new BigDecimal("10.0000"))
                .maxDrawdownPct(new BigDecimal("10.0000"))
                .sharpe(0.9)
                .winRate(2 / 3.0)
                .ordersDenied(0)
                .safetyEvents(List.of())
                .finalState(BotState.STOPPED)
                .elapsedMs(5)
                .barsPerSecond(73.0)
                .sortino(1.5)
                .dayCloses(CURVE)
                .build();
    }

    static List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 365; i++) {
            BigDecimal open = i == 0 ? new BigDecimal("200") : new BigDecimal("240");
            BigDecimal close = i == 364 ? new BigDecimal("250") : new BigDecimal("240");
            bars.add(new Bar("X-USD", Timeframe.D1, day(i), open, open.max(close), open.min(close), close, BigDecimal.ONE));
        }
        return bars;
    }

    @Test
    void profitFactorIsWinsOverLossesAndExpectancyTheMeanTrip() {
        TraderFigures f = TraderFigures.of(result(), bars());
        // (60 + 60) / 20
        assertThat(f.profitFactor()).isEqualTo(6.0);
        // (60 - 20 + 60) / 3, to 16 significant digits
        assertThat(f.expectancy()).isEqualByComparingTo("33.33333333333333");
    }

    @Test
    void cagrOverAYearIsTheReturnAndCalmarDividesItByTheDrawdown() {
        TraderFigures f = TraderFigures.of(result(), bars());
        // the period: from day 0 (one bar before the first mark) to day 365, one year: 1100 / 1000 - 1
        assertThat(f.cagr()).isCloseTo(0.10, within(1e-12));
        // 0.10 / (1071 -> 963.9 = 10 %)
        assertThat(f.calmar()).isCloseTo(1.0, within(1e-12));
        assertThat(f.sortino()).isEqualTo(1.5);
    }

    @Test
    void cagrCompoundsAShortRunToAYear() {
        BacktestResult r = result();
        // half a year from day 0 to day 182.5 at +10 %: 1.1^2 - 1
        List<EquityPoint> half = List.of(mark(1, "1000"), new EquityPoint(T0.plus(Duration.ofHours(182 * 24 + 12)), new BigDecimal("1100")));
        BacktestResult shorter = r.toBuilder()
                .equityCurve(half)
                .dayCloses(half)
                .build();
        assertThat(TraderFigures.of(shorter, List.of()).cagr()).isCloseTo(0.21, within(1e-9));
    }

    @Test
    void tradeDurationExposureAndFrequencyComeFromTheTrips() {
        TraderFigures f = TraderFigures.of(result(), bars());
        // 1, 2 and 3 days
        assertThat(f.averageTradeDuration()).isEqualTo(Duration.ofDays(2));
        // in the market 1 + 2 + 3 = 6 of 365 days
        assertThat(f.exposure()).isCloseTo(6 / 365.0, within(1e-12));
        assertThat(f.tradesPerDay()).isCloseTo(3 / 365.0, within(1e-12));
        assertThat(f.exitReasons()).containsEntry(ExitReason.SIGNAL, 2L).containsEntry(ExitReason.STOP_LOSS, 1L)
                .containsEntry(ExitReason.TAKE_PROFIT, 0L).containsEntry(ExitReason.TRAILING_STOP, 0L).containsEntry(ExitReason.FLATTEN, 0L);
    }

    @Test
    void anOpenPositionCountsAsExposedUntilTheEnd() {
        BacktestResult r = result();
        List<Fill> fills = new ArrayList<>(r.fills());
        fills.add(fill(7, Side.BUY, 300, "240"));
        BacktestResult open = r.toBuilder()
                .fills(fills)
                .build();
        // 6 days of round trips and days 300 to 365
        assertThat(TraderFigures.of(open, List.of()).exposure()).isCloseTo(71 / 365.0, within(1e-12));
    }

    @Test
    void buyAndHoldRunsFromTheFirstOpenToTheLastClose() {
        // 200 -> 250
        assertThat(TraderFigures.of(result(), bars()).buyAndHoldReturnPct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("25"));
        assertThat(TraderFigures.of(result(), List.of()).buyAndHoldReturnPct()).isEmpty();
    }

    @Test
    void returnsByDayAndMonthChainFromTheInitialCash() {
        TraderFigures f = TraderFigures.of(result(), bars());
        assertThat(f.returnsByDay()).containsExactly(
                new PeriodReturn("2023-01-01", new BigDecimal("1000"), new BigDecimal("0.0000")),
                new PeriodReturn("2023-04-02", new BigDecimal("1050"), new BigDecimal("5.0000")),
                new PeriodReturn("2023-04-03", new BigDecimal("1071"), new BigDecimal("2.0000")),
                new PeriodReturn("2023-07-02", new BigDecimal("963.9"), new BigDecimal("-10.0000")),
                new PeriodReturn("2023-10-01", new BigDecimal("1060.29"), new BigDecimal("10.0000")),
                new PeriodReturn("2023-12-31", new BigDecimal("1100"), new BigDecimal("3.7452")));
        // April closes at 1071: 7.1 % over January's 1000
        assertThat(f.returnsByMonth()).containsExactly(
                new PeriodReturn("2023-01", new BigDecimal("1000"), new BigDecimal("0.0000")),
                new PeriodReturn("2023-04", new BigDecimal("1071"), new BigDecimal("7.1000")),
                new PeriodReturn("2023-07", new BigDecimal("963.9"), new BigDecimal("-10.0000")),
                new PeriodReturn("2023-10", new BigDecimal("1060.29"), new BigDecimal("10.0000")),
                new PeriodReturn("2023-12", new BigDecimal("1100"), new BigDecimal("3.7452")));
    }

    @Test
    void figuresWithoutAValueAreNaNAndMonthsNeedTwoMonths() {
        BacktestResult r = result();
        List<RoundTrip> onlyWins = List.of(r.roundTrips().get(0));
        List<EquityPoint> march = List.of(mark(60, "1000"), mark(61, "1000"));
        BacktestResult flat = r.toBuilder()
                .bars(2)
                .fills(List.of())
                .roundTrips(onlyWins)
                .equityCurve(march)
                .finalEquity(new BigDecimal("1000"))
                .returnPct(BigDecimal.ZERO)
                .maxDrawdownPct(BigDecimal.ZERO)
                .sharpe(0)
                .winRate(1)
                .ordersDenied(0)
                .elapsedMs(1)
                .barsPerSecond(2)
                .sortino(0)
                .dayCloses(march)
                .build();
        TraderFigures f = TraderFigures.of(flat, List.of());
        assertThat(f.profitFactor()).isNaN();
        assertThat(f.calmar()).isNaN();
        assertThat(f.cagr()).isZero();
        assertThat(f.exposure()).isZero();
        assertThat(f.returnsByDay()).hasSize(2);
        assertThat(f.returnsByMonth()).isEmpty();
    }
}
