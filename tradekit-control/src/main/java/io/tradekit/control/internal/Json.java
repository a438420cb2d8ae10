package io.tradekit.control.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tradekit.api.event.BotEvent;
import io.tradekit.core.SafetyReport;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The control plane's JSON: instants as ISO-8601 text, money as exact decimal text (a JavaScript number
 * would round it), optionals as their value or null, and every bot event with its kind in {@code type}.
 */
public final class Json {

    private Json() {
    }

    public static ObjectMapper mapper() {
        SimpleModule money = new SimpleModule("tradekit-money");
        money.addSerializer(BigDecimal.class, new JsonSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toPlainString());
            }
        });
        return new ObjectMapper()
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .registerModule(money)
                .addMixIn(BotEvent.class, EventMixin.class)
                .addMixIn(SafetyReport.LimitStatus.class, LimitStatusMixin.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
    private interface EventMixin {
    }

    private abstract static class LimitStatusMixin {
        @JsonProperty("ratio")
        abstract BigDecimal ratio();
    }
}
