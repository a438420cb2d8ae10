package io.tradekit.core.store;

import io.tradekit.api.Fill;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.spi.StateStore;
import io.tradekit.core.store.internal.IdentityCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * A bot claims its journal before it trades, so that a journal can neither vanish nor change hands silently.
 *
 * <ul>
 *   <li>At the first start the bot's {@link BotIdentity} is written into the journal (config key
 *       {@value #CONFIG_KEY}) and, for an SQLite journal, into {@code <file>.identity} beside it; the journal is
 *       then checkpointed, so the database file itself holds it, not only the write-ahead log.</li>
 *   <li>A later start with another strategy, parameters, symbol, venue, account, starting cash or simulated
 *       venue terms (fees, slippage, fill model) is refused, naming every difference. The parameters an applied
 *       change put in force ({@link ApprovalBook}) are the journal's own: a start with them is no difference.</li>
 *   <li>A journal that holds no identity while the file beside it does has lost its contents (its database or
 *       log deleted, truncated or replaced): refused, unless the host adopts explicitly.</li>
 *   <li>A fresh journal whose bot the venue already knows (open orders or recent fills under the bot's client
 *       order id prefix) is refused the same way ({@link #refuseFreshJournalTheVenueContradicts}).</li>
 * </ul>
 */
public final class JournalClaim {

    /** The config entry holding the identity, as JSON. */
    public static final String CONFIG_KEY = "bot.identity";

    private JournalClaim() {
    }

    /**
     * The identity file of an SQLite journal: the database's name with {@code .identity} added.
     * @param journal the SQLite journal file
     * @return the identity file beside it
     */
    public static Path identityFileFor(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".identity");
    }

    /**
     * Records or checks the bot's identity in its journal.
     *
     * @param adopt the host accepts an emptied journal as a new start (it reconciled the venue by hand)
     * @throws InvalidInputException        if the journal belongs to a bot with another identity
     * @throws UnrecoverableStateException  if the journal lost its contents, or its identity cannot be read
     * @param store the bot's journal, any store of the contract
     * @param identity who the bot starting now is
     */
    public static void claim(StateStore store, BotIdentity identity, boolean adopt) {
        String where = location(store);
        Optional<Path> beside = store instanceof SqliteStateStore sqlite ? Optional.of(identityFileFor(sqlite.file())) : Optional.empty();
        Optional<String> recorded = store.config(CONFIG_KEY);
        if (recorded.isPresent()) {
            BotIdentity journal = decode(recorded.get(), "the identity recorded in " + where);
            List<String> differences = journal.differencesFrom(identity);
            if (!differences.isEmpty() && startsWithAppliedParameters(store, journal, identity)) differences = List.of();
            if (!differences.isEmpty()) {
                throw new InvalidInputException("journal " + where + " belongs to " + journal.describe() + ", not to this bot: "
                        + String.join("; ", differences) + ". Start the bot as the journal says, or give it a journal of its own");
            }
            if (beside.isPresent() && !Files.exists(beside.get())) writeBeside(beside.get(), recorded.get());
            return;
        }
        if (beside.isPresent() && Files.exists(beside.get()) && !adopt) {
            BotIdentity lost = decode(read(beside.get()), "identity file " + beside.get());
            throw new UnrecoverableStateException("journal " + where + " is empty, but " + beside.get() + " says it is the journal of "
                    + lost.describe() + ": the journal lost its contents (its database or its -wal file was deleted, truncated or "
                    + "replaced). The bot will not start on it: restore the journal from a backup, or, after reconciling the venue's "
                    + "open orders and positions by hand, start it with adoptVenuePosition to begin a new journal");
        }
        String json = IdentityCodec.encode(identity);
        store.putConfig(CONFIG_KEY, json);
        store.flush();
        if (store instanceof SqliteStateStore sqlite) sqlite.checkpoint();
        beside.ifPresent(file -> writeBeside(file, json));
    }

    /**
     * At the first start of a journal (no orders in it), refuses when the venue shows that this bot traded before:
     * open orders, or fills, under its client order id prefix. Then the journal was lost, and starting afresh would
     * leave those orders and that position unmanaged.
     *
     * @param clientIdPrefix the prefix of every client order id this bot sends, without the separator
     * @param adopt          the host takes the venue's state as given
     * @param store the bot's journal
     * @param venueOpenOrders the venue's open orders of the symbol
     * @param venueFills the venue's recent fills of the symbol
     */
    public static void refuseFreshJournalTheVenueContradicts(StateStore store, String clientIdPrefix, List<Order> venueOpenOrders,
                                                             List<Fill> venueFills, boolean adopt) {
        if (adopt) return;
        String mark = clientIdPrefix + "-";
        long orders = venueOpenOrders.stream().filter(o -> o.clientOrderId().startsWith(mark)).count();
        long fills = venueFills.stream().filter(f -> f.clientOrderId().startsWith(mark)).count();
        if (orders == 0 && fills == 0) return;
        throw new UnrecoverableStateException("the bot will not start: its journal " + location(store) + " is empty, but the venue holds "
                + (orders > 0 ? orders + " open order(s)" : "") + (orders > 0 && fills > 0 ? " and " : "")
                + (fills > 0 ? fills + " recent fill(s)" : "") + " under this bot's client order id prefix '" + mark + "': the journal "
                + "was lost or replaced. Restore it from a backup, or start with adoptVenuePosition to take the venue's state as given "
                + "(its open orders are then not this bot's to manage)");
    }

    /**
     * The refusal when the venue's holding differs from the journal's and the venue has fills of this bot's own
     * orders that the journal does not know: the journal lost data, which is not the same as someone else trading.
     *
     * @param store the bot's journal
     * @param lost the venue's fills of this bot's orders the journal does not hold
     * @param venueHolds what the venue holds, with its asset
     * @param journalExplains what the journal explains
     * @return the exception to throw
     */
    public static UnrecoverableStateException journalLostOwnFills(StateStore store, List<Fill> lost, String venueHolds, String journalExplains) {
        String orders = lost.stream().map(Fill::clientOrderId).distinct().limit(5).reduce((a, b) -> a + ", " + b).orElse("");
        return new UnrecoverableStateException("the bot will not start: the venue holds " + venueHolds + " but the journal " + location(store)
                + " explains " + journalExplains + ", and the venue has " + lost.size() + " fill(s) of this bot's own orders (" + orders
                + ") that the journal does not hold: the journal lost data. Restore it from a backup, or start the bot with "
                + "adoptVenuePosition to take the venue's holding as given");
    }

    /**
     * A bot started with the parameters an approved change made the journal's own (see {@link ApprovalBook}) is the
     * journal's bot: only the parameters differ from the recorded identity, and they are the ones in force.
     */
    private static boolean startsWithAppliedParameters(StateStore store, BotIdentity journal, BotIdentity now) {
        BotIdentity sameParameters = new BotIdentity(now.botId(), now.venue(), now.account(), now.symbol(), now.strategy(),
                journal.parameters(), now.initialCash(), now.venueTerms());
        return journal.differencesFrom(sameParameters).isEmpty()
                && ApprovalBook.appliedParameters(store).filter(now.parameters()::equals).isPresent();
    }

    private static BotIdentity decode(String json, String what) {
        try {
            return IdentityCodec.decode(json);
        } catch (IllegalArgumentException e) {
            throw new UnrecoverableStateException(what + " cannot be read: " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnrecoverableStateException("identity file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Written to a temporary file, synced, then moved over: a crash leaves the old file or the new one. */
    private static void writeBeside(Path file, String json) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the identity file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String location(StateStore store) {
        return store instanceof SqliteStateStore sqlite ? sqlite.file().toString() : store.toString();
    }
}
