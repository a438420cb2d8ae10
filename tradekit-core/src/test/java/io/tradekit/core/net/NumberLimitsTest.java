package io.tradekit.core.net;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumberLimitsTest {

    @Test
    void ordinaryVenueDecimalsAreReadExactly() {
        assertThat(NumberLimits.decimal("65020.55000000")).isEqualByComparingTo("65020.55");
        assertThat(NumberLimits.decimal("0.00000100")).isEqualByComparingTo("0.000001");
        assertThat(NumberLimits.decimal("1E+3")).isEqualByComparingTo("1000");
    }

    @Test
    void aHugeExponentIsRefusedBeforeAnyArithmeticTouchesIt() {
        assertThatThrownBy(() -> NumberLimits.decimal("1E+10000000")).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("'1E+10000000' is outside the accepted magnitude");
        assertThatThrownBy(() -> NumberLimits.decimal("1E-10000000")).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("outside the accepted magnitude");
    }

    @Test
    void tooManyDigitsOrNoNumberAtAllAreRefusedNamingTheText() {
        assertThatThrownBy(() -> NumberLimits.decimal("1".repeat(50))).hasMessageContaining("outside the accepted magnitude");
        assertThatThrownBy(() -> NumberLimits.decimal("9".repeat(100))).hasMessageContaining("(100 characters) is longer than 64");
        assertThatThrownBy(() -> NumberLimits.decimal("abc")).hasMessage("'abc' is not a decimal");
        assertThatThrownBy(() -> NumberLimits.decimal("")).hasMessage("empty text is not a decimal");
    }

    @Test
    void aDecimalReadFromAParsersCharactersMeetsTheSameBoundsAndMessages() {
        char[] frame = "x\"65020.55000000\",\"1E+10000000\",\"abc\"".toCharArray();
        // the three values sit at 2..16, 19..30 and 33..36 of the frame, as a streaming reader hands them over
        assertThat(NumberLimits.decimal(frame, 2, 14)).isEqualTo(NumberLimits.decimal("65020.55000000"));
        assertThatThrownBy(() -> NumberLimits.decimal(frame, 19, 11)).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("'1E+10000000' is outside the accepted magnitude");
        assertThatThrownBy(() -> NumberLimits.decimal(frame, 33, 3)).hasMessage("'abc' is not a decimal");
        assertThatThrownBy(() -> NumberLimits.decimal(frame, 0, 0)).hasMessage("empty text is not a decimal");
    }

    @Test
    void theJsonReaderRefusesOverlongNumberTokens() {
        assertThatThrownBy(() -> NumberLimits.jsonMapper().readTree("{\"p\":" + "1".repeat(100) + "}"))
                .hasMessageContaining("Number value length");
    }
}
