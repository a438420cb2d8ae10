package io.tradekit.examples.cli;

import io.tradekit.core.store.Approval;
import io.tradekit.core.store.ApprovalBook;
import io.tradekit.core.store.ApprovalException;
import io.tradekit.core.store.ApprovalState;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * {@code tradekit approvals list|approve|reject --db FILE ...}: the proposed parameter changes in a bot's journal,
 * decided from a shell. It works while the bot runs (the bot applies an approval at its next check) or while it is
 * stopped (it applies it when it starts). Every decision is journaled with {@code --actor} (default: the OS user).
 */
public final class ApprovalsCommand implements Command {

    private final Options options = new Options("approvals")
            .value("db", "FILE", "the bot's SQLite journal (required)")
            .value("state", "STATE", "list only proposals in this state: pending, approved, rejected, expired, applied, rolled_back")
            .value("id", "N", "the proposal to approve or reject")
            .value("actor", "NAME", "who decides, as the journal records it (default: the OS user)")
            .value("reason", "TEXT", "why, as the journal records it (required to approve or reject)");

    /** The command holds no state until it runs. */
    public ApprovalsCommand() {
    }

    @Override
    public String name() {
        return "approvals";
    }

    @Override
    public String summary() {
        return "list, approve or reject a bot's proposed parameter changes";
    }

    @Override
    public String help() {
        return """
                usage: tradekit approvals list --db FILE [--state STATE]
                       tradekit approvals approve --db FILE --id N --reason TEXT [--actor NAME]
                       tradekit approvals reject --db FILE --id N --reason TEXT [--actor NAME]

                A running bot applies an approved change at its next safe point (no order in flight); a stopped
                bot applies it when it starts. A proposal past its expiry can no longer be approved.

                """ + options.describe();
    }

    @Override
    public int run(List<String> args, Terminal terminal) {
        if (args.isEmpty() || args.getFirst().equals("--help")) {
            terminal.out().print(help());
            return args.isEmpty() ? TradeKitCli.BAD_INPUT : TradeKitCli.OK;
        }
        String action = args.getFirst();
        Options.Parsed flags = options.parse(args.subList(1, args.size()));
        if (flags.has("help")) {
            terminal.out().print(help());
            return TradeKitCli.OK;
        }
        Path db = Path.of(flags.value("db").orElseThrow(() -> new UsageException("--db FILE is required")));
        try (ApprovalBook book = ApprovalBook.open(db)) {
            return switch (action) {
                case "list" -> list(book, flags, terminal.out());
                case "approve", "reject" -> decide(book, action, flags, terminal.out());
                default -> throw new UsageException("unknown action '" + action + "'; actions: list, approve, reject");
            };
        } catch (ApprovalException e) {
            terminal.err().println("tradekit approvals: " + e.getMessage());
            return e.notFound() ? TradeKitCli.BAD_INPUT : TradeKitCli.FAILED;
        }
    }

    private static int list(ApprovalBook book, Options.Parsed flags, PrintStream out) {
        List<Approval> rows = flags.value("state").map(s -> book.list(state(s))).orElseGet(book::list);
        if (rows.isEmpty()) {
            out.println("no proposals");
            return TradeKitCli.OK;
        }
        out.printf("%-5s %-12s %-14s %-12s %-24s %s%n", "id", "state", "bot", "source", "expires", "changes");
        for (Approval a : rows) {
            out.printf("%-5d %-12s %-14s %-12s %-24s %s%s%n", a.id(), a.state(), a.botId(), a.source(), a.expiresAt(), new TreeMap<>(a.changes()),
                    a.actor().map(actor -> "  (" + actor + ": " + a.reason().orElse("") + ")").orElse(""));
        }
        return TradeKitCli.OK;
    }

    private static int decide(ApprovalBook book, String action, Options.Parsed flags, PrintStream out) {
        String rawId = flags.value("id").orElseThrow(() -> new UsageException("--id N is required to " + action));
        long id;
        try {
            id = Long.parseLong(rawId);
        } catch (NumberFormatException e) {
            throw new UsageException("--id must be a whole number, not '" + rawId + "'");
        }
        String reason = flags.value("reason").orElseThrow(() -> new UsageException("--reason TEXT is required to " + action));
        String actor = flags.value("actor").orElse(System.getProperty("user.name", "cli"));
        Approval decided = action.equals("approve") ? book.approve(id, actor, reason) : book.reject(id, actor, reason);
        out.println(decided.describe() + " by " + actor);
        return TradeKitCli.OK;
    }

    private static ApprovalState state(String text) {
        try {
            return ApprovalState.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--state must be one of pending, approved, rejected, expired, applied, rolled_back; not '" + text + "'");
        }
    }
}
