package io.tradekit.core.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.BotState;
import io.tradekit.api.Position;
import io.tradekit.api.store.BotSnapshot;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link BotSnapshot} as a JSON document. Decimals are written as strings so that they come back with
 * the same value and scale; instants as ISO-8601 text. Reading names the field that is missing or wrong.
 */
public final class SnapshotCodec {

    /** Bumped when the document's shape changes incompatibly; a reader refuses formats it does not know. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotCodec() {
    }

    public static String encode(BotSnapshot snapshot) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("time", snapshot.time().toString());
        root.put("state", snapshot.state().name());
        ObjectNode balances = root.putObject("balances");
        snapshot.balances().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> balances.put(e.getKey(), e.getValue().toString()));
        ArrayNode positions = root.putArray("positions");
        for (Position p : snapshot.positions()) {
            ObjectNode node = positions.addObject();
            node.put("symbol", p.symbol());
            node.put("quantity", p.quantity().toString());
            node.put("averageCost", p.averageCost().toString());
            node.put("realizedPnl", p.realizedPnl().toString());
            node.put("fees", p.fees().toString());
        }
        root.put("peakEquity", snapshot.peakEquity().toString());
        root.put("fillCount", snapshot.fillCount());
        if (snapshot.lastBarTime().isPresent()) {
            root.put("lastBarTime", snapshot.lastBarTime().get().toString());
        } else {
            root.putNull("lastBarTime");
        }
        root.put("strategyState", snapshot.strategyState());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot tree of strings and numbers always serializes", e);
        }
    }

    /** Decodes a document written by {@link #encode}; the exception's message names the bad field. */
    public static BotSnapshot decode(String json) throws SnapshotFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SnapshotFormatException("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new SnapshotFormatException("not a JSON object");
        }
        long format = number(root, "format");
        if (format != FORMAT) {
            throw new SnapshotFormatException("format " + format + " is not known to this version (it reads format " + FORMAT + ")");
        }
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        JsonNode balancesNode = object(root, "balances");
        for (Iterator<Map.Entry<String, JsonNode>> it = balancesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            balances.put(e.getKey(), decimal(balancesNode, e.getKey(), "balances." + e.getKey()));
        }
        JsonNode positionsNode = root.get("positions");
        if (positionsNode == null || !positionsNode.isArray()) {
            throw new SnapshotFormatException("field 'positions' is missing or not an array");
        }
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < positionsNode.size(); i++) {
            JsonNode p = positionsNode.get(i);
            String at = "positions[" + i + "].";
            positions.add(new Position(text(p, "symbol", at + "symbol"), decimal(p, "quantity", at + "quantity"),
                    decimal(p, "averageCost", at + "averageCost"), decimal(p, "realizedPnl", at + "realizedPnl"),
                    decimal(p, "fees", at + "fees")));
        }
        JsonNode lastBar = root.get("lastBarTime");
        Optional<Instant> lastBarTime = lastBar == null || lastBar.isNull()
                ? Optional.empty() : Optional.of(instant(root, "lastBarTime"));
        return new BotSnapshot(instant(root, "time"), state(root), balances, positions,
                decimal(root, "peakEquity", "peakEquity"), number(root, "fillCount"), lastBarTime,
                text(root, "strategyState", "strategyState"));
    }

    /** SHA-256 of the document, in hex: stored beside it so that damaged bytes are noticed. */
    public static String checksum(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static JsonNode object(JsonNode parent, String field) throws SnapshotFormatException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new SnapshotFormatException("field '" + field + "' is missing or not an object");
        }
        return node;
    }

    private static String text(JsonNode parent, String field, String path) throws SnapshotFormatException {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || !node.isTextual()) {
            throw new SnapshotFormatException("field '" + path + "' is missing or not a string");
        }
        return node.textValue();
    }

    private static long number(JsonNode parent, String field) throws SnapshotFormatException {
        JsonNode node = parent.get(field);
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new SnapshotFormatException("field '" + field + "' is missing or not a whole number");
        }
        return node.longValue();
    }

    private static BigDecimal decimal(JsonNode parent, String field, String path) throws SnapshotFormatException {
        String value = text(parent, field, path);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new SnapshotFormatException("field '" + path + "' is '" + value + "', not a decimal number");
        }
    }

    private static Instant instant(JsonNode parent, String field) throws SnapshotFormatException {
        String value = text(parent, field, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new SnapshotFormatException("field '" + field + "' is '" + value + "', not an ISO-8601 instant");
        }
    }

    private static BotState state(JsonNode root) throws SnapshotFormatException {
        String value = text(root, "state", "state");
        try {
            return BotState.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new SnapshotFormatException("field 'state' is '" + value + "', not a bot state");
        }
    }
}
