package io.tradekit.examples.modes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The record of a dry run: one JSON object per would-be order and line ({@code time, clientOrderId, symbol,
 * side, type, quantity, limitPrice, timeInForce, reduceOnly}), appended and flushed as each is decided,
 * so that a dry run that is killed still leaves its record.
 */
final class WouldBeOrderFile implements Consumer<WouldBeOrder>, AutoCloseable {

    static final String FILE_NAME = "would-be-orders.jsonl";

    private final ObjectMapper json = new ObjectMapper();
    private final Path file;
    private final BufferedWriter out;

    WouldBeOrderFile(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + file + " for the dry run's orders", e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void accept(WouldBeOrder order) {
        ObjectNode line = json.createObjectNode();
        var r = order.request();
        line.put("time", order.time().toString());
        line.put("clientOrderId", r.clientOrderId());
        line.put("symbol", r.symbol());
        line.put("side", r.side().name());
        line.put("type", r.type().name());
        line.put("quantity", r.quantity().toPlainString());
        r.limitPrice().ifPresentOrElse(p -> line.put("limitPrice", p.toPlainString()), () -> line.putNull("limitPrice"));
        line.put("timeInForce", r.timeInForce().name());
        line.put("reduceOnly", r.reduceOnly());
        try {
            out.write(json.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write to " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close " + file, e);
        }
    }
}
