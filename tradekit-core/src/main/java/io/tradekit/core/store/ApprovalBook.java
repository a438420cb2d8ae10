package io.tradekit.core.store;

import io.tradekit.api.spi.StateStore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.InvalidInputException;
import io.tradekit.core.store.internal.EpochNanos;
import io.tradekit.core.store.internal.JournalConnection;
import org.jdbi.v3.core.Handle;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The approvals table of one bot's SQLite journal: proposals are submitted, listed, approved or rejected (with
 * who and why), expired, applied and rolled back here. Every step changes the row and writes an {@code approval}
 * line to the audit log in one transaction; a step the row's state does not allow is refused
 * ({@link ApprovalException}), so two operators (or an operator and the expiry checker) cannot both win.
 *
 * <p>It works over a connection of its own, so the command line can decide on a journal while its bot runs; the
 * running bot's {@code BotApprovals} sees the decision at its next check. Applying a change also records the
 * whole parameter set in force under the config key {@value #APPLIED_PARAMETERS_KEY}, in the same transaction,
 * which is what a restarted bot runs with.
 *
 * <pre>{@code try (ApprovalBook book = ApprovalBook.open(Path.of("btc-grid.db"))) {
 *     for (Approval a : book.list(ApprovalState.PENDING)) System.out.println(a.describe());
 *     book.approve(7, "alice", "spacing fits this week's volatility");
 * }}</pre>
 */
public final class ApprovalBook implements AutoCloseable {

    /** The config entry holding the parameters in force after the last applied change or rollback, as a JSON object. */
    public static final String APPLIED_PARAMETERS_KEY = "strategy.parameters";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, bot_id, source, changes_json, evidence_json, created_ns, expires_ns, state, actor, reason, "
            + "decided_ns, previous_json, applied_ns";

    private final Path file;
    private final Handle handle;

    private ApprovalBook(Path file, Handle handle) {
        this.file = file;
        this.handle = handle;
    }

    /**
     * Opens the approvals of the journal {@code file}. A journal of an older schema is upgraded first, which needs
     * its bot stopped (a running bot has upgraded it already).
     * @param file the bot's SQLite journal
     * @return the open book
     */
    public static ApprovalBook open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        Handle handle = JournalConnection.open(path);
        try {
            if (!JournalConnection.hasTable(handle, "approvals")) {
                handle.close();
                StateStores.sqlite(path).close();
                handle = JournalConnection.open(path);
            }
            return new ApprovalBook(path, handle);
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /**
     * The parameters a journal's bot runs with after its last applied change or rollback; empty if none was applied.
     *
     * @param store the bot's journal
     * @return the parameters in force, or empty
     */
    public static Optional<Map<String, String>> appliedParameters(StateStore store) {
        return store.config(APPLIED_PARAMETERS_KEY).map(json -> readMap(json, "config entry " + APPLIED_PARAMETERS_KEY + " of " + store));
    }

    /**
     * Records a new PENDING proposal; its expiry must be in the future.
     *
     * @param change the proposed change
     * @return the new proposal
     */
    public synchronized Approval submit(ProposedChange change) {
        Instant now = Instant.now();
        if (!change.expiresAt().isAfter(now)) {
            throw new InvalidInputException("proposal for bot '" + change.botId() + "' from " + change.source() + " expires at "
                    + change.expiresAt() + ", which has passed");
        }
        return handle.inTransaction(tx -> {
            long id = tx.createUpdate("INSERT INTO approvals (bot_id, source, changes_json, evidence_json, created_ns, expires_ns, state) "
                            + "VALUES (?, ?, ?, ?, ?, ?, 'PENDING')")
                    .bind(0, change.botId()).bind(1, change.source()).bind(2, write(change.changes())).bind(3, change.evidenceJson())
                    .bind(4, EpochNanos.of(now, "proposal time")).bind(5, EpochNanos.of(change.expiresAt(), "proposal expiry"))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Approval proposed = find(tx, id).orElseThrow();
            audit(tx, now, change.source(), "proposed #" + id + ": " + new TreeMap<>(change.changes()) + " until " + change.expiresAt(),
                    proposed, Map.of());
            return proposed;
        });
    }

    /**
     * Every proposal, newest first.
     *
     * @return every proposal
     */
    public synchronized List<Approval> list() {
        return handle.createQuery("SELECT " + COLUMNS + " FROM approvals ORDER BY id DESC").map((rs, ctx) -> row(rs)).list();
    }

    /**
     * The proposals in {@code state}, oldest first.
     * @param state the state to list
     * @return the proposals in that state
     */
    public synchronized List<Approval> list(ApprovalState state) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM approvals WHERE state = ? ORDER BY id").bind(0, state.name())
                .map((rs, ctx) -> row(rs)).list();
    }

    /**
     * The proposal {@code id}; refused if there is none.
     * @param id the proposal's id
     * @return the proposal
     */
    public synchronized Approval get(long id) {
        return find(handle, id).orElseThrow(() -> notFound(id));
    }

    /**
     * PENDING to APPROVED; refused once the proposal's expiry has passed (the expiry checker closes it then).
     *
     * @param id the proposal's id
     * @param actor who approves
     * @param reason why
     * @return the approved proposal
     */
    public synchronized Approval approve(long id, String actor, String reason) {
        return decide(id, actor, reason, ApprovalState.PENDING, ApprovalState.APPROVED, "approved");
    }

    /**
     * PENDING to REJECTED.
     *
     * @param id the proposal's id
     * @param actor who rejects
     * @param reason why
     * @return the rejected proposal
     */
    public synchronized Approval reject(long id, String actor, String reason) {
        return decide(id, actor, reason, ApprovalState.PENDING, ApprovalState.REJECTED, "rejected");
    }

    /**
     * Every PENDING proposal of {@code botId} whose expiry is at or before {@code now} becomes EXPIRED (actor {@code expiry}).
     * @param botId the bot
     * @param now the time now
     * @return the proposals that expired
     */
    public synchronized List<Approval> expireDue(String botId, Instant now) {
        long cut = EpochNanos.of(now, "expiry check time");
        List<Long> due = handle.createQuery("SELECT id FROM approvals WHERE bot_id = ? AND state = 'PENDING' AND expires_ns <= ? ORDER BY id")
                .bind(0, botId).bind(1, cut).mapTo(Long.class).list();
        return due.stream().map(id -> step(id, "expiry", "expired at " + get(id).expiresAt(), ApprovalState.PENDING, ApprovalState.EXPIRED,
                "expired", Map.of(), Optional.empty())).toList();
    }

    /**
     * APPROVED to APPLIED: the bot took {@code effective} in place of {@code previous}; both are kept (the row and
     * the audit line) and {@code effective} becomes the journal's {@value #APPLIED_PARAMETERS_KEY}.
     * @param id the proposal's id
     * @param previous the parameters before
     * @param effective the parameters in force now
     * @return the applied proposal
     */
    public synchronized Approval markApplied(long id, Map<String, String> previous, Map<String, String> effective) {
        return step(id, "engine", "applied at a safe point", ApprovalState.APPROVED, ApprovalState.APPLIED, "applied", previous,
                Optional.of(effective));
    }

    /**
     * APPROVED to REJECTED by the engine: the strategy refused the parameters, and {@code reason} says why.
     * @param id the proposal's id
     * @param reason why it could not be applied
     * @return the refused proposal
     */
    public synchronized Approval refuseApproved(long id, String reason) {
        return step(id, "engine", reason, ApprovalState.APPROVED, ApprovalState.REJECTED, "refused", Map.of(), Optional.empty());
    }

    /**
     * APPLIED to ROLLED_BACK: the parameters before the change are in force again. Only the change applied last can
     * be rolled back (an earlier one's "before" is no longer what runs).
     *
     * @param id the proposal's id
     * @param actor who rolled it back
     * @param reason why
     * @return the rolled-back proposal
     */
    public synchronized Approval markRolledBack(long id, String actor, String reason) {
        Approval applied = get(id);
        Optional<Approval> last = lastApplied(applied.botId());
        if (applied.state() == ApprovalState.APPLIED && (last.isEmpty() || last.get().id() != id)) {
            throw new ApprovalException("proposal #" + id + " cannot be rolled back: #" + last.map(Approval::id).orElse(0L)
                    + " was applied after it; roll that back first", false);
        }
        return step(id, actor, reason, ApprovalState.APPLIED, ApprovalState.ROLLED_BACK, "rolled back", Map.of(),
                Optional.of(applied.previous()));
    }

    /**
     * The change of {@code botId} applied last and not rolled back.
     * @param botId the bot
     * @return the proposal, or empty
     */
    public synchronized Optional<Approval> lastApplied(String botId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM approvals WHERE bot_id = ? AND state = 'APPLIED' ORDER BY applied_ns DESC, id DESC "
                + "LIMIT 1").bind(0, botId).map((rs, ctx) -> row(rs)).findOne();
    }

    /**
     * The journal file.
     *
     * @return the journal file
     */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        handle.close();
    }

    @Override
    public String toString() {
        return "approvals of " + file;
    }

    // ------------------------------------------------------------------ steps

    private Approval decide(long id, String actor, String reason, ApprovalState from, ApprovalState to, String verb) {
        requireText(actor, "actor");
        requireText(reason, "reason");
        Approval current = get(id);
        if (current.state() == from && !Instant.now().isBefore(current.expiresAt())) {
            throw new ApprovalException("proposal #" + id + " expired at " + current.expiresAt() + " and can no longer be " + verb, false);
        }
        return step(id, actor, reason, from, to, verb, Map.of(), Optional.empty());
    }

    /** Moves the row from {@code from} to {@code to} and writes the audit line, in one transaction; refused if it is not in {@code from}. */
    private Approval step(long id, String actor, String reason, ApprovalState from, ApprovalState to, String verb,
                          Map<String, String> previous, Optional<Map<String, String>> parametersInForce) {
        Instant now = Instant.now();
        long nowNs = EpochNanos.of(now, "approval step time");
        return handle.inTransaction(tx -> {
            boolean applying = to == ApprovalState.APPLIED;
            // previous_json and applied_ns are set once, when the change takes effect; a rollback keeps them.
            var update = tx.createUpdate("UPDATE approvals SET state = ?, actor = ?, reason = ?, decided_ns = ?, "
                            + "previous_json = coalesce(?, previous_json), applied_ns = coalesce(?, applied_ns) WHERE id = ? AND state = ?")
                    .bind(0, to.name()).bind(1, actor).bind(2, reason).bind(3, nowNs).bind(6, id).bind(7, from.name());
            if (applying) update.bind(4, write(previous)).bind(5, nowNs);
            else update.bindNull(4, java.sql.Types.VARCHAR).bindNull(5, java.sql.Types.BIGINT);
            int changed = update.execute();
            if (changed == 0) {
                Approval current = find(tx, id).orElseThrow(() -> notFound(id));
                throw new ApprovalException("proposal #" + id + " is " + current.state() + ", not " + from + ": it cannot be " + verb, false);
            }
            parametersInForce.ifPresent(p -> tx.createUpdate("INSERT INTO config (key, value, updated_ns) VALUES (?, ?, ?) "
                            + "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_ns = excluded.updated_ns")
                    .bind(0, APPLIED_PARAMETERS_KEY).bind(1, write(p)).bind(2, nowNs).execute());
            Approval after = find(tx, id).orElseThrow();
            audit(tx, now, actor, verb + " #" + id + ": " + reason, after, parametersInForce.orElse(Map.of()));
            return after;
        });
    }

    private static void audit(Handle tx, Instant now, String actor, String reason, Approval approval, Map<String, String> inForce) {
        ObjectNode inputs = JSON.createObjectNode();
        inputs.put("id", approval.id());
        inputs.put("bot", approval.botId());
        inputs.put("source", approval.source());
        inputs.put("state", approval.state().name());
        inputs.set("changes", JSON.valueToTree(new TreeMap<>(approval.changes())));
        if (!approval.previous().isEmpty() || approval.state() == ApprovalState.APPLIED) {
            inputs.set("old", JSON.valueToTree(new TreeMap<>(approval.previous())));
        }
        if (!inForce.isEmpty()) inputs.set("new", JSON.valueToTree(new TreeMap<>(inForce)));
        inputs.put("expiresAt", approval.expiresAt().toString());
        if (approval.state() == ApprovalState.PENDING) inputs.set("evidence", readTree(approval.evidenceJson()));
        tx.createUpdate("INSERT INTO events (time_ns, type, actor, reason, inputs_json) VALUES (?, 'approval', ?, ?, ?)")
                .bind(0, EpochNanos.of(now, "approval step time")).bind(1, actor).bind(2, reason).bind(3, inputs.toString()).execute();
    }

    // ------------------------------------------------------------------ rows

    private Optional<Approval> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM approvals WHERE id = ?").bind(0, id).map((rs, ctx) -> row(rs)).findOne();
    }

    private Approval row(ResultSet rs) throws SQLException {
        String where = file + " approvals row " + rs.getLong("id");
        String previous = rs.getString("previous_json");
        long decided = rs.getLong("decided_ns");
        boolean wasDecided = !rs.wasNull();
        long applied = rs.getLong("applied_ns");
        boolean wasApplied = !rs.wasNull();
        return new Approval(rs.getLong("id"), rs.getString("bot_id"), rs.getString("source"), readMap(rs.getString("changes_json"), where),
                rs.getString("evidence_json"), EpochNanos.toInstant(rs.getLong("created_ns")), EpochNanos.toInstant(rs.getLong("expires_ns")),
                ApprovalState.valueOf(rs.getString("state")), Optional.ofNullable(rs.getString("actor")), Optional.ofNullable(rs.getString("reason")),
                wasDecided ? Optional.of(EpochNanos.toInstant(decided)) : Optional.empty(),
                previous == null ? Map.of() : readMap(previous, where), wasApplied ? Optional.of(EpochNanos.toInstant(applied)) : Optional.empty());
    }

    private static String write(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of text cannot fail to be written as JSON", e);
        }
    }

    private static Map<String, String> readMap(String json, String where) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new UnrecoverableStateException(where + " holds parameters that are not a JSON object of text values: " + e.getOriginalMessage());
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private static ApprovalException notFound(long id) {
        return new ApprovalException("there is no proposal #" + id, true);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) throw new InvalidInputException("an approval step needs a non-blank " + what);
    }
}
