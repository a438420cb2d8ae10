package io.tradekit.examples.cli;

import io.tradekit.api.store.AuditEvent;
import io.tradekit.core.store.Approval;
import io.tradekit.core.store.ApprovalBook;
import io.tradekit.core.store.ApprovalState;
import io.tradekit.core.store.ProposedChange;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalsCommandTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = new TradeKitCli(terminal, List.of(new ApprovalsCommand())).run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listsApprovesAndRejectsWithTheActorJournaledAndRefusesWhatTheStateForbids() {
        Path db = dir.resolve("bot.db");
        StateStores.sqlite(db).close();
        long first;
        long second;
        try (ApprovalBook book = ApprovalBook.open(db)) {
            first = book.submit(new ProposedChange("eth-grid", "grid-rules", Map.of("levels", "4"), "{}", Instant.now().plusSeconds(600))).id();
            second = book.submit(new ProposedChange("eth-grid", "grid-rules", Map.of("spacing", "0.4"), "{}", Instant.now().plusSeconds(600))).id();
        }

        CliRun listed = run("approvals", "list", "--db", db.toString(), "--state", "pending");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("{levels=4}").contains("{spacing=0.4}").contains("PENDING");

        CliRun approved = run("approvals", "approve", "--db", db.toString(), "--id", Long.toString(first), "--actor", "alice",
                "--reason", "tighter grid");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(approved.out()).contains("#" + first).contains("APPROVED").contains("by alice");
        assertThat(run("approvals", "reject", "--db", db.toString(), "--id", Long.toString(second), "--actor", "bob", "--reason", "no").exitCode())
                .isZero();

        CliRun twice = run("approvals", "reject", "--db", db.toString(), "--id", Long.toString(first), "--reason", "changed my mind");
        assertThat(twice.exitCode()).isEqualTo(TradeKitCli.FAILED);
        assertThat(twice.err()).contains("is APPROVED, not PENDING");
        assertThat(run("approvals", "approve", "--db", db.toString(), "--id", "77", "--reason", "x").err()).contains("no proposal #77");
        assertThat(run("approvals", "approve", "--db", db.toString(), "--id", Long.toString(first)).err()).contains("--reason TEXT is required");
        assertThat(run("approvals", "list", "--db", db.toString(), "--state", "maybe").err()).contains("--state must be one of");
        assertThat(run("approvals", "list", "--db", dir.resolve("missing.db").toString()).err()).contains("no bot journal at");

        try (ApprovalBook book = ApprovalBook.open(db)) {
            assertThat(book.get(first).state()).isEqualTo(ApprovalState.APPROVED);
            assertThat(book.get(second).actor()).hasValue("bob");
        }
        try (SqliteStateStore store = StateStores.sqlite(db)) {
            assertThat(store.events(50)).filteredOn(e -> e.type().equals("approval")).extracting(AuditEvent::actor)
                    .containsExactly("grid-rules", "grid-rules", "alice", "bob");
        }
    }
}
