package io.tradekit.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The strategy state a snapshot keeps for a bot's lanes: a single-symbol bot's strategy state as it is (so
 * journals written before lanes read the same); a bot with several pairs keeps each lane's state under its
 * symbol, {@code {"pairs":{"BTCUSDT":"<state>","ETHUSDT":"<state>"}}}, and a restart gives each lane its own.
 */
final class LaneStates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LaneStates() {
    }

    static String save(List<Lane> lanes) {
        if (lanes.size() == 1) return lanes.get(0).strategy.saveState();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode pairs = root.putObject("pairs");
        for (Lane lane : lanes) pairs.put(lane.symbol, lane.strategy.saveState());
        return root.toString();
    }

    /** The last bar each lane's strategy acted on, {@code SYMBOL=instant} joined by commas in lane order (lanes with none left out). */
    static String actedUpTo(List<Lane> lanes) {
        StringBuilder out = new StringBuilder();
        for (Lane lane : lanes) {
            if (lane.actedUpTo == null) continue;
            if (!out.isEmpty()) out.append(',');
            out.append(lane.symbol).append('=').append(lane.actedUpTo);
        }
        return out.toString();
    }

    /**
     * Reads {@link #actedUpTo}'s text back.
     *
     * @throws io.tradekit.core.store.UnrecoverableStateException naming the entry that is not {@code SYMBOL=instant}
     */
    static java.util.Map<String, java.time.Instant> parseActedUpTo(String saved) {
        java.util.Map<String, java.time.Instant> out = new java.util.HashMap<>();
        if (saved.isBlank()) return out;
        for (String entry : saved.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) throw notSymbolAndInstant(entry);
            try {
                out.put(entry.substring(0, eq), java.time.Instant.parse(entry.substring(eq + 1)));
            } catch (java.time.format.DateTimeParseException e) {
                throw notSymbolAndInstant(entry);
            }
        }
        return out;
    }

    private static io.tradekit.core.store.UnrecoverableStateException notSymbolAndInstant(String entry) {
        return new io.tradekit.core.store.UnrecoverableStateException("the bot will not start: its journal's last bar per pair ("
                + BotEngine.STRATEGY_STATE_BARS_KEY + ") holds '" + entry + "', which is not SYMBOL=instant");
    }

    /** Gives each lane its state from {@code saved}; a lane the snapshot has no state for starts from none. */
    static void restore(List<Lane> lanes, String saved) {
        if (lanes.size() == 1) {
            lanes.get(0).strategy.restoreState(saved);
            return;
        }
        JsonNode pairs;
        try {
            pairs = JSON.readTree(saved).path("pairs");
        } catch (JsonProcessingException e) {
            throw new io.tradekit.core.store.UnrecoverableStateException("the bot will not start: its snapshot's strategy state is not the "
                    + "per-pair state of a bot with several pairs: " + e.getOriginalMessage());
        }
        for (Lane lane : lanes) {
            JsonNode state = pairs.get(lane.symbol);
            if (state != null && state.isTextual()) lane.strategy.restoreState(state.asText());
        }
    }
}
