package io.tradekit.core.net;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one reader of venue JSON: each field only as the JSON type a venue documents, each error naming the field. */
class VenueJsonTest {

    @Test
    void decimalsAreReadExactlyFromTextAndFromJsonNumbersWithAFraction() {
        JsonNode n = VenueJson.read("{\"text\":\"65020.55000000\",\"number\":0.1,\"whole\":3}");
        assertThat(VenueJson.decimal(n, "text")).hasToString("65020.55000000");
        // 0.1 through a double would be 0.1000000000000000055511151231257827...
        assertThat(VenueJson.decimal(n, "number")).hasToString("0.1");
        assertThat(VenueJson.decimal(n, "whole")).isEqualByComparingTo("3");
    }

    @Test
    void aDecimalBeyondNumberLimitsIsMalformedWhetherTextOrNumber() {
        JsonNode n = VenueJson.read("{\"asText\":\"1E+10000000\",\"asNumber\":1E+10000000,\"tiny\":\"1E-10000000\"}");
        for (String field : new String[] {"asText", "asNumber", "tiny"}) {
            assertThatThrownBy(() -> VenueJson.decimal(n, field)).isInstanceOf(MalformedMessage.class).hasMessageContaining("'" + field + "'");
        }
        assertThatThrownBy(() -> VenueJson.read("{\"p\":1" + "0".repeat(500) + "}")).isInstanceOf(MalformedMessage.class);
        assertThatThrownBy(() -> VenueJson.read("[".repeat(200) + "]".repeat(200))).isInstanceOf(MalformedMessage.class);
    }

    @Test
    void anObjectArrayOrBooleanWhereTextOrANumberBelongsIsMalformedNamingTheFieldAndWhatItWas() {
        JsonNode n = VenueJson.read("{\"o\":{},\"a\":[1],\"b\":true,\"id\":12,\"big\":\"99999999999999999999\"}");
        assertThatThrownBy(() -> VenueJson.text(n, "o")).isInstanceOf(MalformedMessage.class).hasMessage("field 'o' is an object {}, expected text");
        assertThatThrownBy(() -> VenueJson.decimal(n, "a")).isInstanceOf(MalformedMessage.class)
                .hasMessage("field 'a' is an array [1], expected a decimal");
        assertThatThrownBy(() -> VenueJson.integer(n, "b")).isInstanceOf(MalformedMessage.class)
                .hasMessage("field 'b' is a boolean true, expected a whole number");
        assertThatThrownBy(() -> VenueJson.integer(n, "big")).isInstanceOf(MalformedMessage.class).hasMessageContaining("'big'");
        assertThatThrownBy(() -> VenueJson.bool(n, "id")).isInstanceOf(MalformedMessage.class).hasMessageContaining("'id'");
        assertThatThrownBy(() -> VenueJson.field(n, "missing")).isInstanceOf(MalformedMessage.class).hasMessage("field 'missing' is missing");
        assertThat(VenueJson.text(n, "id")).isEqualTo("12");
        assertThat(VenueJson.integer(n, "id")).isEqualTo(12);
        assertThat(VenueJson.optionalText(n, "missing", "none")).isEqualTo("none");
        assertThatThrownBy(() -> VenueJson.read("not json")).isInstanceOf(MalformedMessage.class).hasMessageStartingWith("not JSON");
    }
}
