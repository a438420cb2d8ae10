package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.bybit.BybitConfig;
import io.tradekit.core.net.ClosedBarFeed;
import io.tradekit.core.net.ReconnectingWebSocket;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;

import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bybit's public WebSocket of the category ({@code kline.{interval}.{symbol}}, {@code tickers.{symbol}}).
 *
 * <ul>
 *   <li>A kline becomes {@link Event.BarClosed} only when Bybit marks it {@code confirm: true}, and each
 *       bar once: one whose start is not after the last bar posted is dropped.</li>
 *   <li>Every (re)connection subscribes to all topics again, ten per request (the spot limit).</li>
 *   <li>Once Bybit confirms a subscription, the last closed bar is read over REST and posted the first
 *       time; after a reconnect, the bars that closed while the connection was down ({@link ClosedBarFeed}).
 *       Waiting for the confirmation, not the connect, leaves no window in which a bar can close unseen;
 *       for the same reason the stream is reported CONNECTED with that confirmation, not at the connect.</li>
 *   <li>A frame that cannot be read, or a refused subscription, becomes {@link Event.ErrorRaised} with
 *       the raw text; nothing escapes. Silence is watched by a {@link Heartbeat}.</li>
 * </ul>
 */
public final class PublicStream implements ReconnectingWebSocket.Listener, AutoCloseable {

    public static final String SOURCE = "bybit:public-stream";
    private static final int TOPICS_PER_REQUEST = 10;

    private final BybitConfig config;
    private final StreamEvents events;
    private final ClosedBarFeed bars;
    private final InstantSource clock;
    private final Heartbeat heartbeat;
    private final Set<String> topics = new CopyOnWriteArraySet<>();
    private final java.util.Map<String, ObjectNode> tickers = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile ReconnectingWebSocket socket;
    private volatile boolean started;
    /** The socket's CONNECTED detail, held until Bybit confirms the subscription on that connection. */
    private volatile String connectedDetail;

    public PublicStream(BybitConfig config, StreamEvents events, ClosedBarFeed.Backfill backfill, Executor executor, InstantSource clock) {
        this.config = config;
        this.events = events;
        this.bars = new ClosedBarFeed(SOURCE, events, backfill, executor);
        this.clock = clock;
        this.heartbeat = new Heartbeat(SOURCE, config.pingInterval(), config.silenceTimeout(), events, clock::millis);
    }

    public void subscribeKlines(String symbol, Timeframe timeframe) {
        bars.follow(symbol, timeframe);
        add(MarketMapping.klineTopic(symbol, timeframe)); // its subscription's answer starts the catch-up
    }

    public void subscribeTicker(String symbol) {
        add(MarketMapping.tickerTopic(symbol));
    }

    /** Opens the connection once topics are wanted; called by {@code connect}. */
    public synchronized void start() {
        started = true;
        if (socket == null && !topics.isEmpty()) {
            socket = new ReconnectingWebSocket("bybit public", () -> config.publicStreamUrl(), this, Heartbeat.socketOptions(config));
            heartbeat.watch(socket, () -> true);
            socket.start();
        }
    }

    private boolean add(String topic) {
        if (!topics.add(topic)) return false;
        ReconnectingWebSocket s = socket;
        if (s != null) {
            s.send(subscribe(List.of(topic)));
        } else if (started) {
            start();
        }
        return true;
    }

    private String subscribe(List<String> args) {
        ObjectNode message = VenueJson.MAPPER.createObjectNode();
        message.put("req_id", "sub-" + requestIds.incrementAndGet());
        message.put("op", "subscribe");
        message.set("args", VenueJson.MAPPER.valueToTree(args));
        return message.toString();
    }

    @Override
    public void onOpen(ReconnectingWebSocket s, boolean reconnect) {
        heartbeat.opened();
        List<String> all = List.copyOf(topics);
        for (int i = 0; i < all.size(); i += TOPICS_PER_REQUEST) {
            s.send(subscribe(all.subList(i, Math.min(all.size(), i + TOPICS_PER_REQUEST))));
        }
    }

    /** The socket refused an inbound message (over its size limit) and is replacing the connection: an error event, never silence. */
    @Override
    public void onRejected(String reason) {
        events.error(SOURCE, ErrorCategory.MALFORMED_DATA, reason, "");
    }

    @Override
    public void onState(ConnectionState state, String detail) {
        if (state == ConnectionState.CONNECTED && !topics.isEmpty()) {
            connectedDetail = detail; // reported with the subscription's answer: only then do live pushes come
            return;
        }
        connectedDetail = null;
        post(state, detail);
    }

    private void post(ConnectionState state, String detail) {
        events.post(new Event.ConnectionChanged(BybitErrors.VENUE, "public", state, detail, clock.instant()));
    }

    /** One frame from the venue. Never throws. */
    @Override
    public void onText(String text) {
        if (!heartbeat.accept(text)) return;
        try {
            JsonNode root = VenueJson.read(text);
            String topic = root.path("topic").asText("");
            if (topic.isEmpty()) {
                answer(root, text);
            } else if (topic.startsWith("kline.")) {
                MarketMapping.closedKlines(topic, VenueJson.field(root, "data")).forEach(bars::closed);
            } else if (topic.startsWith("tickers.")) {
                MarketMapping.ticker(tickerState(topic, root), VenueJson.integer(root, "ts")).ifPresent(t -> events.post(new Event.TickerUpdated(t)));
            } else {
                events.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unexpected topic '" + topic + "'", text);
            }
        } catch (RuntimeException e) {
            events.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unreadable public frame: " + e.getMessage(), text);
        }
    }

    /**
     * The ticker as it stands after this push: linear tickers come as a {@code snapshot} and then {@code delta}s that
     * carry only the fields that changed ("if a response param is not found in the message, then its value has not
     * changed"), so a delta is laid over the last snapshot of its topic; spot tickers are snapshots only.
     */
    private JsonNode tickerState(String topic, JsonNode root) {
        JsonNode data = VenueJson.field(root, "data");
        if (!"delta".equals(root.path("type").asText()) || !data.isObject()) {
            if (data.isObject()) tickers.put(topic, ((ObjectNode) data).deepCopy());
            return data;
        }
        ObjectNode state = tickers.computeIfAbsent(topic, t -> VenueJson.MAPPER.createObjectNode());
        state.setAll((ObjectNode) data);
        return state.deepCopy();
    }

    private void answer(JsonNode root, String text) {
        String op = root.path("op").asText("");
        if (op.equals("ping") || op.equals("pong")) return;
        if (op.equals("subscribe")) {
            if (!root.path("success").asBoolean(false)) {
                events.error(SOURCE, ErrorCategory.MALFORMED_DATA, "subscription refused: " + root.path("ret_msg").asText(""), text);
                return;
            }
            // Only now are live pushes sure to come: a bar that closed between the connect and this answer
            // would be missed by a catch-up run any earlier, and a caller told CONNECTED earlier could close
            // a bar the stream never carries (the catch-up may be refused too, e.g. during a 403 stop).
            String detail = connectedDetail;
            connectedDetail = null;
            if (detail != null) post(ConnectionState.CONNECTED, detail);
            bars.catchUpAll();
            return;
        }
        events.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unexpected public frame", text);
    }

    public long openCount() {
        ReconnectingWebSocket s = socket;
        return s == null ? 0 : s.openCount();
    }

    @Override
    public void close() {
        heartbeat.close();
        ReconnectingWebSocket s = socket;
        if (s != null) s.close();
    }
}
