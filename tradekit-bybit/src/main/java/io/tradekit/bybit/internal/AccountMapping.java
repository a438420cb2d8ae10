package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Balance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /v5/account/wallet-balance?accountType=UNIFIED} into {@link Balance}s. */
public final class AccountMapping {

    private AccountMapping() {
    }

    /** Coins with something in the wallet; locked is what open orders hold, free the rest of the wallet balance. */
    public static List<Balance> balances(JsonNode result) {
        List<Balance> out = new ArrayList<>();
        for (JsonNode account : Json.array(result, "list")) {
            for (JsonNode coin : Json.array(account, "coin")) {
                BigDecimal wallet = Json.decimalOrZero(coin, "walletBalance");
                BigDecimal locked = Json.decimalOrZero(coin, "locked");
                if (wallet.signum() != 0 || locked.signum() != 0) {
                    out.add(new Balance(Json.text(coin, "coin"), wallet.subtract(locked), locked));
                }
            }
        }
        return out;
    }
}
