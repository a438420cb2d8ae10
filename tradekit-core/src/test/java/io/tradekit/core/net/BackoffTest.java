package io.tradekit.core.net;

import io.tradekit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, 0.5);

    @Test
    void ceilingDoublesPerAttemptUntilTheMaximum() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofMillis(1600));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(60)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void jitteredDelaysStayBetweenHalfAndTheCeilingAndDiffer() {
        Random random = new Random(7);
        long distinct = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> backoff.delay(3, random))
                .peek(d -> assertThat(d).isBetween(Duration.ofMillis(200), Duration.ofMillis(400)))
                .distinct().count();
        assertThat(distinct).isGreaterThan(50);
    }

    @Test
    void refusesNonsenseSettingsNamingTheSetting() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0.5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("initial");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0.5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("max");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0.5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1.5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("jitter");
    }
}
