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
        final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean refuseEveryone;

        Venue() {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connections.incrementAndGet();
            if (refuseEveryone) conn.close(1008, "refused");
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
    private final List<String> details = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();

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
        return connect(new ReconnectingWebSocket.Options(Duration.ofSeconds(2), Duration.ofSeconds(30), maxAge,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 2, 0.5)));
    }

    private ReconnectingWebSocket connect(ReconnectingWebSocket.Options options) {
        URI uri = URI.create("ws://127.0.0.1:" + venue.getPort() + "/stream");
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
                details.add(state + ": " + detail);
            }

            @Override
            public void onRejected(String reason) {
                rejections.add(reason);
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

    /** Reconnect waits announced in RECONNECTING details, in milliseconds. */
    private List<Long> announcedWaits() {
        return details.stream().filter(d -> d.startsWith("RECONNECTING"))
                .map(d -> Long.parseLong(d.replaceAll(".*reconnecting in (\\d+) ms$", "$1"))).toList();
    }

    @Test
    void aVenueThatAcceptsAndAtOnceRefusesMeetsAGrowingBackoffAndTheStreamIsReportedDown() throws Exception {
        venue.refuseEveryone = true;
        connect(new ReconnectingWebSocket.Options(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofHours(1),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(160), 2, 0.0), 4096, Duration.ofSeconds(30), 4));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (announcedWaits().size() < 6 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // opening is not proof of health: without the fix every open reset the wait to its first step (20, 20, 20, ...)
        assertThat(announcedWaits()).startsWith(20L, 40L, 80L, 160L, 160L, 160L);
        assertThat(details).anySatisfy(d -> assertThat(d).startsWith("DISCONNECTED: down after 4 failed attempts in a row"));
    }

    @Test
    void markHealthyStartsTheBackoffAgainFromItsFirstStep() throws Exception {
        connect(new ReconnectingWebSocket.Options(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofHours(1),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(160), 2, 0.0), 4096, Duration.ofSeconds(30), 4));
        assertThat(venue.received.poll(5, TimeUnit.SECONDS)).isEqualTo("subscribe");
        venue.dropEveryone();
        assertThat(venue.received.poll(5, TimeUnit.SECONDS)).isEqualTo("subscribe");
        socket.markHealthy();
        venue.dropEveryone();
        assertThat(venue.received.poll(5, TimeUnit.SECONDS)).isEqualTo("subscribe");
        venue.dropEveryone();
        assertThat(venue.received.poll(5, TimeUnit.SECONDS)).isEqualTo("subscribe");
        assertThat(announcedWaits()).containsExactly(20L, 20L, 40L);
    }

    @Test
    void aMessageOverTheSizeLimitIsRejectedAndTheConnectionReplaced() throws Exception {
        connect(new ReconnectingWebSocket.Options(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofHours(1),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(160), 2, 0.5), 4096, Duration.ofSeconds(30), 4));
        assertThat(venue.received.poll(5, TimeUnit.SECONDS)).isEqualTo("subscribe");
        venue.broadcast("x".repeat(10_000));
        assertThat(venue.received.poll(5, TimeUnit.SECONDS)).isEqualTo("subscribe");
        assertThat(rejections).containsExactly("an inbound message was larger than 4096 bytes");
        venue.broadcast("small");
        assertThat(texts.poll(5, TimeUnit.SECONDS)).isEqualTo("small");
        assertThat(texts).isEmpty();
    }

    @Test
    void aMessageThatArrivesInTheSameReadAsOneOverTheLimitIsStillHandedOn() throws Exception {
        // A venue written by hand on a raw socket, so that a small frame and the header of one over the limit reach the
        // client in a single write, and so in one socket read (Java-WebSocket's server writes frame by frame).
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI uri = URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/stream");
            socket = new ReconnectingWebSocket("raw", () -> uri, new ReconnectingWebSocket.Listener() {
                @Override
                public void onOpen(ReconnectingWebSocket s, boolean reconnect) {
                }

                @Override
                public void onText(String text) {
                    texts.add(text);
                }

                @Override
                public void onState(ConnectionState state, String detail) {
                    states.add(state.name());
                }

                @Override
                public void onRejected(String reason) {
                    rejections.add(reason);
                }
            }, new ReconnectingWebSocket.Options(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofHours(1),
                    new Backoff(Duration.ofMillis(20), Duration.ofMillis(160), 2, 0.5), 4096, Duration.ofSeconds(30), 4));
            socket.start();
            server.setSoTimeout(10_000);
            try (java.net.Socket client = server.accept()) {
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
                String key = null;
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    if (line.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18)) key = line.substring(18).trim();
                }
                assertThat(key).as("the client's handshake key").isNotNull();
                String accept = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-1")
                        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
                var out = client.getOutputStream();
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                        + accept + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                out.flush();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!states.contains("CONNECTED") && System.nanoTime() < deadline) Thread.sleep(5);
                assertThat(states).contains("CONNECTED");

                byte[] small = "before the big one".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int bigLength = 10_000;
                var frames = new java.io.ByteArrayOutputStream();
                frames.write(0x81); // FIN, text
                frames.write(small.length);
                frames.write(small);
                frames.write(0x81);
                frames.write(126); // a 16-bit length follows
                frames.write(bigLength >> 8);
                frames.write(bigLength & 0xFF);
                frames.write("x".repeat(bigLength).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.write(frames.toByteArray()); // one write
                out.flush();

                assertThat(texts.poll(5, TimeUnit.SECONDS)).isEqualTo("before the big one");
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (rejections.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
                assertThat(rejections).containsExactly("an inbound message was larger than 4096 bytes");
                assertThat(texts).isEmpty();
            }
        }
    }
}
