package io.tradekit.core.internal;

import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Side;
import io.tradekit.core.RoundTrip;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioTest {

    static final Instrument ETH = new Instrument("ETHUSD", "ETH", "USD", new BigDecimal("0.01"),
            new BigDecimal("0.0001"), BigDecimal.ZERO, BigDecimal.ZERO);
    static final Instant T = Instant.parse("2024-03-01T00:00:00Z");

    static Fill fill(String id, Side side, String price, String qty, String fee, int minute) {
        return new Fill(id, "o-" + id, "v-" + id, "ETHUSD", side, new BigDecimal(price), new BigDecimal(qty),
                new BigDecimal(fee), "USD", T.plusSeconds(60L * minute), false);
    }

    @Test
    void roundTripRealizesPriceMoveMinusEntryAndExitFees() {
        Portfolio p = new Portfolio("USD", new BigDecimal("1000"));
        assertThat(p.apply(fill("1", Side.BUY, "100", "2", "0.2", 0), ETH)).isEqualByComparingTo("0");
        assertThat(p.cash()).isEqualByComparingTo("799.8");
        BigDecimal realized = p.apply(fill("2", Side.SELL, "110", "2", "0.22", 5), ETH);

        assertThat(realized).isEqualByComparingTo("19.58"); // 20 - 0.2 - 0.22
        assertThat(p.cash()).isEqualByComparingTo("1019.58");
        assertThat(p.isFlat()).isTrue();
        RoundTrip trip = p.roundTrips().get(0);
        assertThat(trip.entryPrice()).isEqualByComparingTo("100");
        assertThat(trip.exitPrice()).isEqualByComparingTo("110");
        assertThat(trip.fees()).isEqualByComparingTo("0.42");
        assertThat(trip.entryTime()).isEqualTo(T);
        assertThat(trip.exitTime()).isEqualTo(T.plusSeconds(300));
        assertThat(p.totalFees()).isEqualByComparingTo("0.42");
        assertThat(p.grossRealizedPnl()).isEqualByComparingTo("20");
    }

    @Test
    void aRoundTripKeepsTheClosingFillsOwnQuantityInsteadOfACopy() {
        Portfolio p = new Portfolio("USD", new BigDecimal("1000"));
        p.apply(fill("1", Side.BUY, "100", "2", "0.2", 0), ETH);
        Fill close = fill("2", Side.SELL, "110", "2", "0.22", 5);
        p.apply(close, ETH);

        assertThat(p.roundTrips().get(0).quantity()).isSameAs(close.quantity());
    }

    @Test
    void aRoundTripOfAFillWhoseFeeWasTakenInTheBaseAssetRecordsWhatWasHeld() {
        Portfolio p = new Portfolio("USD", new BigDecimal("1000"));
        // Bought 2, of which the venue kept 0.002 as its fee: 1.998 held, and the sale of 2 closes only that.
        p.apply(new Fill("1", "o-1", "v-1", "ETHUSD", Side.BUY, new BigDecimal("100"), new BigDecimal("2"), new BigDecimal("0.002"),
                "ETH", T, false), ETH);
        p.apply(fill("2", Side.SELL, "110", "2", "0.22", 5), ETH);

        assertThat(p.roundTrips().get(0).quantity()).isEqualByComparingTo("1.998");
    }

    @Test
    void averageCostBlendsAddsAndPartialCloseAttributesEntryFeesProportionally() {
        Portfolio p = new Portfolio("USD", new BigDecimal("10000"));
        p.apply(fill("1", Side.BUY, "100", "1", "0.1", 0), ETH);
        p.apply(fill("2", Side.BUY, "130", "2", "0.26", 1), ETH);
        assertThat(p.position("ETHUSD").averageCost()).isEqualByComparingTo("120");
        assertThat(p.position("ETHUSD").quantity()).isEqualByComparingTo("3");

        BigDecimal realized = p.apply(fill("3", Side.SELL, "150", "1", "0.15", 2), ETH);
        // gross 30, entry fees 0.36 * 1/3 = 0.12, exit 0.15
        assertThat(realized).isEqualByComparingTo("29.73");
        assertThat(p.position("ETHUSD").quantity()).isEqualByComparingTo("2");
        assertThat(p.position("ETHUSD").averageCost()).isEqualByComparingTo("120");
        assertThat(p.equity(s -> new BigDecimal("150"))).isEqualByComparingTo(
                new BigDecimal("10000").subtract(new BigDecimal("360.36")).add(new BigDecimal("149.85")).add(new BigDecimal("300")));
    }

    @Test
    void feeTakenInTheBaseAssetShrinksThePosition() {
        Portfolio p = new Portfolio("USD", new BigDecimal("1000"));
        Fill f = new Fill("1", "o", "v", "ETHUSD", Side.BUY, new BigDecimal("100"), new BigDecimal("1"),
                new BigDecimal("0.001"), "ETH", T, false);
        p.apply(f, ETH);
        assertThat(p.position("ETHUSD").quantity()).isEqualByComparingTo("0.999");
        assertThat(p.cash()).isEqualByComparingTo("900");
        assertThat(p.totalFees()).isEqualByComparingTo("0.1");
    }

    @Test
    void aSellLargerThanTheLongFlipsToAShortAtTheFillPrice() {
        Portfolio p = new Portfolio("USD", new BigDecimal("1000"));
        p.apply(fill("1", Side.BUY, "100", "1", "0", 0), ETH);
        BigDecimal realized = p.apply(fill("2", Side.SELL, "90", "3", "0", 1), ETH);
        assertThat(realized).isEqualByComparingTo("-10");
        assertThat(p.position("ETHUSD").quantity()).isEqualByComparingTo("-2");
        assertThat(p.position("ETHUSD").averageCost()).isEqualByComparingTo("90");
        assertThat(p.equity(Map.of("ETHUSD", new BigDecimal("80"))::get)).isEqualByComparingTo("1010"); // 1000 -100 +270 -160
    }
}
