package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.CancelReplaceResult;
import io.tradekit.api.ExchangeException;
import io.tradekit.binance.internal.BinanceErrors.Operation;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;

import java.util.Optional;

/**
 * {@code POST /api/v3/order/cancelReplace} answers (rest-api.md, "Cancel an Existing Order and Send a New
 * Order"): on success {@code {cancelResult, newOrderResult, cancelResponse, newOrderResponse}}; on a
 * (partial) failure {@code {code: -2021|-2022, msg, data: {...the same four...}}}, where a failed half's
 * response is a {@code {code, msg}} error and one not attempted is null.
 */
public final class CancelReplaceMapping {

    private CancelReplaceMapping() {
    }

    public static CancelReplaceResult result(JsonNode answer, String what) {
        JsonNode body = answer.path("data").isObject() ? answer.get("data") : answer;
        String cancelResult = VenueJson.text(body, "cancelResult");
        String newOrderResult = VenueJson.text(body, "newOrderResult");
        JsonNode cancel = body.path("cancelResponse");
        JsonNode placed = body.path("newOrderResponse");
        boolean canceled = cancelResult.equals("SUCCESS");
        boolean newOrderPlaced = newOrderResult.equals("SUCCESS");
        return new CancelReplaceResult(
                canceled ? Optional.of(OrderMapping.order(cancel)) : Optional.empty(),
                canceled ? Optional.empty() : Optional.of(error(cancel, what + " cancel", Operation.CANCEL)),
                newOrderPlaced ? Optional.of(OrderMapping.ack(placed)) : Optional.empty(),
                newOrderResult.equals("FAILURE") ? Optional.of(error(placed, what + " new order", Operation.PLACE)) : Optional.empty());
    }

    private static ExchangeException error(JsonNode error, String what, Operation operation) {
        Integer code = error.path("code").canConvertToInt() ? error.get("code").asInt() : null;
        if (code == null) throw new MalformedMessage("a failed half of the answer has no error code: " + StreamEvents.truncate(error.toString(), 200));
        return BinanceErrors.toException(what, operation, 400, code, VenueJson.optionalText(error, "msg", ""), null);
    }
}
