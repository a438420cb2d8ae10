package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Balance;
import io.tradekit.api.Fill;
import io.tradekit.api.Side;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/v3/account} balances and {@code GET /api/v3/myTrades} trades. */
public final class AccountMapping {

    private AccountMapping() {
    }

    /** Balances with something free or locked; the many empty assets of a Binance account are left out. */
    public static List<Balance> balances(JsonNode account) {
        List<Balance> out = new ArrayList<>();
        for (JsonNode b : VenueJson.array(account, "balances")) {
            BigDecimal free = VenueJson.decimal(b, "free");
            BigDecimal locked = VenueJson.decimal(b, "locked");
            if (free.signum() != 0 || locked.signum() != 0) {
                out.add(new Balance(VenueJson.text(b, "asset"), free, locked));
            }
        }
        return out;
    }

    /**
     * One myTrades entry; the fill id is Binance's trade {@code id}. The entry names the order only by
     * {@code orderId}, so the caller supplies the client order id.
     */
    public static Fill trade(JsonNode t, String clientOrderId) {
        return new Fill(VenueJson.text(t, "id"), clientOrderId, VenueJson.text(t, "orderId"), VenueJson.text(t, "symbol"),
                VenueJson.bool(t, "isBuyer") ? Side.BUY : Side.SELL, VenueJson.decimal(t, "price"), VenueJson.decimal(t, "qty"),
                VenueJson.decimal(t, "commission"), VenueJson.optionalText(t, "commissionAsset", ""), Instant.ofEpochMilli(VenueJson.integer(t, "time")),
                VenueJson.bool(t, "isMaker"));
    }
}
