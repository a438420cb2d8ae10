package io.tradekit.core.net;

import io.tradekit.api.event.ConnectionState;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectingWebSocketTest {

    /** A venue that records what clients send and can push text or drop everyone. */
    static final class Venue extends WebSocketServer {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CountDownLatch started = new CountDownLatch(1);

        Venue() {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        void dropEveryone() {
            getConnections().forEach(c -> c.closeConnection(1006, "dropped"));
        }
    }

    private Venue venue;
    private ReconnectingWebSocket socket;
    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final List<String> states = new CopyOnWriteArrayList<>();
    private final List<Boolean> opens = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startVenue() throws Exception {
        venue = new Venue();
        venue.start();
        assertThat(venue.started.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        if (socket != null) socket.close();
        venue.stop(1000);
    }

    private ReconnectingWebSocket connect(Duration maxAge) {
        URI uri = URI.create("ws://127.0.0.1:" + venue.getPort() + "/stream");
        ReconnectingWebSocket.Options options = new ReconnectingWebSocket.Options(Duration.ofSeconds(2), Duration.ofSeconds(30), maxAge,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 2, 0.5));
        socket = new ReconnectingWebSocket("test", () -> uri, new ReconnectingWebSocket.Listener() {
            @Override
            public void onOpen(ReconnectingWebSocket s, boolean reconnect) {
                opens.add(reconnect);
                s.send("subscribe");
            }

            @Override
            public void onText(String text) {
                texts.add(text);
            }

            @Override
            public void onState(ConnectionState state, String detail) {
                states.add(state.name());
            }
        }, options);
        socket.start();
        return socket;
    }

    @Test
    void subscribesOnOpenAndReceivesText() throws Exception {
        connect(Duration.ofHours(1));
        assertThat(venue.received.poll(5, TimeUnit.SECONDS)).isEqualTo("subscribe");
        venue.broadcast("{\"e\":\"kline\"}");
        assertThat(texts.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"e\":\"kline\"}");
        assertThat(opens).containsExactly(false);
        assertThat(states).startsWith("CONNECTED");
    }

    @Test
    void reconnectsAndResubscribesEveryTimeTheVenueDropsIt() throws Exception {
        connect(Duration.ofHours(1));
        assertThat(venue.received.poll(5, TimeUnit.SECONDS)).isEqualTo("subscribe");
        for (int drop = 0; drop < 3; drop++) {
            venue.dropEveryone();
            assertThat(venue.received.poll(5, TimeUnit.SECONDS)).isEqualTo("subscribe");
        }
        assertThat(opens).containsExactly(false, true, true, true);
        assertThat(states).contains("RECONNECTING");
        venue.broadcast("after drops");
        assertThat(texts.poll(5, TimeUnit.SECONDS)).isEqualTo("after drops");
    }

    @Test
    void reconnectsOnPurposeBeforeTheMaximumConnectionAge() throws Exception {
        connect(Duration.ofMillis(300));
        for (int i = 0; i < 3; i++) {
            assertThat(venue.received.poll(5, TimeUnit.SECONDS)).isEqualTo("subscribe");
        }
        assertThat(socket.openCount()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void closeStopsReconnecting() throws Exception {
        connect(Duration.ofHours(1));
        assertThat(venue.received.poll(5, TimeUnit.SECONDS)).isEqualTo("subscribe");
        socket.close();
        assertThat(states).endsWith("DISCONNECTED");
        assertThat(venue.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(socket.isOpen()).isFalse();
        assertThat(socket.send("late")).isFalse();
    }
}
