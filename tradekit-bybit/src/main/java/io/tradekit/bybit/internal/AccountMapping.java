package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Balance;
import io.tradekit.api.MarginAccount;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v5/account/wallet-balance?accountType=UNIFIED} into {@link Balance}s and a coin's
 * {@link MarginAccount}. What a coin holds back is {@code locked} (spot orders) plus {@code totalOrderIM}
 * (margin of open derivatives orders) plus {@code totalPositionIM} (margin of positions); what is free is the
 * rest of {@code walletBalance}: Bybit's "derivatives available balance" of isolated margin
 * ({@code walletBalance - totalPositionIM - totalOrderIM - locked}).
 */
public final class AccountMapping {

    private AccountMapping() {
    }

    /** Coins with something in the wallet. */
    public static List<Balance> balances(JsonNode result) {
        List<Balance> out = new ArrayList<>();
        for (JsonNode account : VenueJson.array(result, "list")) {
            for (JsonNode coin : VenueJson.array(account, "coin")) {
                BigDecimal wallet = Json.decimalOrZero(coin, "walletBalance");
                BigDecimal held = heldBack(coin);
                if (wallet.signum() != 0 || held.signum() != 0) {
                    out.add(new Balance(VenueJson.text(coin, "coin"), wallet.subtract(held), held));
                }
            }
        }
        return out;
    }

    /** The margin account of {@code asset}: wallet, unrealized PnL, position margin, maintenance margin and available balance. */
    public static Optional<MarginAccount> marginAccount(JsonNode result, String asset) {
        for (JsonNode account : VenueJson.array(result, "list")) {
            for (JsonNode coin : VenueJson.array(account, "coin")) {
                if (!asset.equals(coin.path("coin").asText())) continue;
                BigDecimal wallet = Json.decimalOrZero(coin, "walletBalance");
                return Optional.of(new MarginAccount(asset, wallet, Json.decimalOrZero(coin, "unrealisedPnl"),
                        Json.decimalOrZero(coin, "totalPositionIM"), Json.decimalOrZero(coin, "totalPositionMM"), wallet.subtract(heldBack(coin))));
            }
        }
        return Optional.empty();
    }

    private static BigDecimal heldBack(JsonNode coin) {
        return Json.decimalOrZero(coin, "locked").add(Json.decimalOrZero(coin, "totalOrderIM")).add(Json.decimalOrZero(coin, "totalPositionIM"));
    }
}
