package io.tradekit.core.store;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who a journal belongs to: the bot, where it trades, what it trades and how, and the cash it started with
 * when that cash is the bot's to choose (a paper venue's starting balance; a real venue's balance is a fact
 * of the account and is not part of the identity). Recorded in the journal and beside it at the first start
 * and compared at every later one (see {@link JournalClaim}). The strategy's parameters and a simulated venue's
 * terms are part of it, because a run resumed with others would report figures no single run produced.
 *
 * <pre>{@code new BotIdentity("btc-grid", "binance", "main", "BTCUSDT", "grid", Map.of("levels", "10"), Optional.empty());}</pre>
 *
 * @param botId       the bot's name, unique among the host's bots; not blank
 * @param venue       the venue it trades at, as the host names it (e.g. {@code binance}, {@code paper}); not blank
 * @param account     the account at the venue as the host names it ({@code ""} if it names none)
 * @param parameters  the strategy's parameters as given (empty for a strategy passed as an object)
 * @param initialCash the starting quote balance of a simulated venue; empty for a real one
 * @param venueTerms  how a simulated venue trades (fees, slippage, fill model, e.g. {@code takerFeeBps=10}): they
 *                    change every figure, so a restart with other terms is refused like one with other cash;
 *                    empty for a real venue
 * @param symbol      the instrument it trades (e.g. {@code BTCUSDT}); not blank
 * @param strategy    the strategy's name (e.g. {@code grid}); not blank
 */
public record BotIdentity(String botId, String venue, String account, String symbol, String strategy,
                          Map<String, String> parameters, Optional<BigDecimal> initialCash, Map<String, String> venueTerms) {

    /**
     * Validates the identity and copies the maps.
     *
     * @throws InvalidInputException if the bot id, venue, symbol or strategy is blank; the message names the field
     * @throws NullPointerException  if {@code account}, {@code parameters}, {@code initialCash} or {@code venueTerms} is null
     */
    public BotIdentity {
        requireText(botId, "botId");
        requireText(venue, "venue");
        Objects.requireNonNull(account, "account");
        requireText(symbol, "symbol");
        requireText(strategy, "strategy");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        Objects.requireNonNull(initialCash, "initialCash");
        venueTerms = Map.copyOf(Objects.requireNonNull(venueTerms, "venueTerms"));
    }

    /**
     * An identity without venue terms: a real venue's fees and fills are facts of the account, not the bot's to choose.
     *
     * @param botId       the bot's name; not blank
     * @param venue       the venue it trades at; not blank
     * @param account     the account at the venue ({@code ""} if the host names none)
     * @param symbol      the instrument it trades; not blank
     * @param strategy    the strategy's name; not blank
     * @param parameters  the strategy's parameters as given (empty for a strategy passed as an object)
     * @param initialCash the starting quote balance of a simulated venue; empty for a real one
     * @throws InvalidInputException if a required text is blank
     */
    public BotIdentity(String botId, String venue, String account, String symbol, String strategy,
                       Map<String, String> parameters, Optional<BigDecimal> initialCash) {
        this(botId, venue, account, symbol, strategy, parameters, initialCash, Map.of());
    }

    /**
     * What differs between the identity a journal recorded ({@code this}) and the one a bot starts with, one
     * phrase per field, e.g. {@code strategy is 'grid' in the journal but 'sma-cross' now}; empty if none.
     * Starting cash is compared by value ({@code 1000} equals {@code 1000.00}).
     *
     * @param now the identity the bot starts with now; not null
     * @return one phrase per differing field, in a fixed order; empty when the identities match
     */
    public List<String> differencesFrom(BotIdentity now) {
        List<String> out = new ArrayList<>();
        compare(out, "bot id", botId, now.botId);
        compare(out, "venue", venue, now.venue);
        compare(out, "account", account, now.account);
        compare(out, "symbol", symbol, now.symbol);
        compare(out, "strategy", strategy, now.strategy);
        if (!parameters.equals(now.parameters)) {
            out.add("strategy parameters are " + new TreeMap<>(parameters) + " in the journal but " + new TreeMap<>(now.parameters) + " now");
        }
        if (!venueTerms.equals(now.venueTerms)) {
            out.add("the simulated venue's terms are " + new TreeMap<>(venueTerms) + " in the journal but " + new TreeMap<>(now.venueTerms) + " now");
        }
        boolean sameCash = initialCash.isPresent() == now.initialCash.isPresent()
                && (initialCash.isEmpty() || initialCash.get().compareTo(now.initialCash.get()) == 0);
        if (!sameCash) {
            out.add("starting cash is " + initialCash.map(BigDecimal::toPlainString).orElse("the venue's balance") + " in the journal but "
                    + now.initialCash.map(BigDecimal::toPlainString).orElse("the venue's balance") + " now");
        }
        return out;
    }

    /**
     * One line for messages, e.g. {@code bot 'btc-grid' (grid on BTCUSDT at binance)}; the account and starting cash
     * are added when present. Parameters and venue terms are left out.
     *
     * @return the description
     */
    public String describe() {
        return "bot '" + botId + "' (" + strategy + " on " + symbol + " at " + venue + (account.isEmpty() ? "" : " account " + account)
                + initialCash.map(c -> ", starting cash " + c.toPlainString()).orElse("") + ")";
    }

    private static void compare(List<String> out, String field, String journal, String now) {
        if (!journal.equals(now)) out.add(field + " is '" + journal + "' in the journal but '" + now + "' now");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) throw new InvalidInputException("bot identity: " + field + " must not be blank");
    }
}
