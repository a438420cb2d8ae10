package io.tradekit.core.net;

import io.tradekit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerClockOffsetTest {

    @Test
    void aSampleIsCorrectedToTheMidpointOfItsRoundTrip() {
        ServerClockOffset offset = new ServerClockOffset(5);
        // sent at 1000, answered at 1100: the server read 2550 at about 1050
        offset.addSample(1000, 2550, 1100);
        assertThat(offset.offsetMillis()).isEqualTo(1500);
        assertThat(offset.serverMillis(5000)).isEqualTo(6500);
    }

    @Test
    void oneSlowOrOddSampleDoesNotMoveTheMedian() {
        ServerClockOffset offset = new ServerClockOffset(5);
        offset.addSample(0, 210, 20);     // 200
        offset.addSample(100, 305, 110);  // 200
        offset.addSample(200, 9_000, 400); // 8700: an outlier
        offset.addSample(300, 506, 312);  // 200
        assertThat(offset.offsetMillis()).isEqualTo(200);
    }

    @Test
    void keepsOnlyTheMostRecentSamples() {
        ServerClockOffset offset = new ServerClockOffset(3);
        offset.addSample(0, 100, 0);
        offset.addSample(0, 100, 0);
        offset.addSample(0, -500, 0);
        offset.addSample(0, -500, 0);
        offset.addSample(0, -500, 0);
        assertThat(offset.sampleCount()).isEqualTo(3);
        assertThat(offset.offsetMillis()).isEqualTo(-500);
    }

    @Test
    void clearForgetsAndRefusesAnImpossibleSample() {
        ServerClockOffset offset = new ServerClockOffset(3);
        offset.addSample(0, 100, 0);
        offset.clear();
        assertThat(offset.offsetMillis()).isZero();
        assertThat(offset.lastSampleAt()).isEmpty();
        assertThatThrownBy(() -> offset.addSample(10, 0, 5)).isInstanceOf(InvalidInputException.class);
    }
}
