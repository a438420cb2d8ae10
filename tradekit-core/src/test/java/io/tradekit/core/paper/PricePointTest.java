package io.tradekit.core.paper;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PricePointTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    static PricePoint[] path(String o, String h, String l, String c) {
        return PricePoint.pathOf(new Bar("X", Timeframe.M1, T0, new BigDecimal(o), new BigDecimal(h), new BigDecimal(l), new BigDecimal(c), BigDecimal.ONE));
    }

    @Test
    void theNearerExtremeComesFirstAndATieGoesToTheLow() {
        assertThat(path("100", "100.5", "98", "99")[1].price()).isEqualByComparingTo("100.5");
        assertThat(path("100", "102", "99.5", "101")[1].price()).isEqualByComparingTo("99.5");
        assertThat(path("100", "101", "99", "100")[1].price()).isEqualByComparingTo("99"); // a tie: the worse case for a long
        assertThat(path("100", "101", "99", "100")[2].price()).isEqualByComparingTo("101");
    }

    @Test
    void extremesApartByLessThanADoubleCanTellAreDecidedExactly() {
        // 2 open - high - low = -1e-20 here and +1e-20 below: far inside a double's rounding at these prices.
        assertThat(PricePoint.lowNearer(new BigDecimal("50000.00000000000000000000"), new BigDecimal("50001.00000000000000000001"),
                new BigDecimal("49999"))).isTrue();
        assertThat(PricePoint.lowNearer(new BigDecimal("50000"), new BigDecimal("50000.99999999999999999999"),
                new BigDecimal("49999"))).isFalse();
    }

    @Test
    void thePointsAreAThirdOfTheBarApartFromItsOpenToItsClose() {
        PricePoint[] p = path("100", "101", "99", "100");
        assertThat(p).extracting(PricePoint::time).containsExactly(T0, T0.plusSeconds(20), T0.plusSeconds(40), T0.plusSeconds(60));
        assertThat(p).extracting(PricePoint::gap).containsExactly(true, false, false, false);
    }
}
