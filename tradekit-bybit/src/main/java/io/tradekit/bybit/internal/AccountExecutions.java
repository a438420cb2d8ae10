package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.event.Event;
import io.tradekit.core.net.VenueJson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one execution of the account means for a bot, whether it came on the private stream or over REST
 * after a reconnect: a {@code Trade} is a fill of an order, a {@code Funding} a funding settlement of a
 * position, a {@code BustTrade} the venue's liquidation of a position; other types (ADL, delivery, ...)
 * mean nothing to a bot that trades one-way perpetuals and spot. A fill is applied once by the engine
 * whatever reports it; funding and liquidations are let through here once per execution id, so a REST
 * catch-up that overlaps what the stream already delivered does not pay funding twice.
 */
public final class AccountExecutions {

    private static final int REMEMBERED = 10_000;

    private final Set<String> delivered = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** The event of {@code execution}, or empty when it means nothing or was delivered already. */
    public synchronized Optional<Event> event(JsonNode execution) {
        String type = OrderMapping.type(execution);
        switch (type) {
            case "Trade" -> {
                return OrderMapping.fill(execution).map(Event.FillReceived::new);
            }
            case "Funding" -> {
                Event funding = new Event.FundingSettled(OrderMapping.funding(execution));
                return delivered.add(VenueJson.text(execution, "execId")) ? Optional.of(funding) : Optional.empty();
            }
            case "BustTrade" -> {
                Event liquidation = OrderMapping.liquidation(execution);
                return delivered.add(VenueJson.text(execution, "execId")) ? Optional.of(liquidation) : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
