package io.tradekit.binance.sim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's one port. Binance serves REST and WebSockets on the same kind of URL; the JDK HTTP
 * server cannot upgrade to WebSocket and the WebSocket server cannot answer plain HTTP, so this reads
 * each new connection's request head and hands the connection, bytes unchanged, to the WebSocket
 * server when it asks for {@code Upgrade: websocket} and to the HTTP server otherwise. Holding every
 * connection here is also what lets a test drop them all at once.
 */
final class FrontDoor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);
    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket server;
    private final int httpPort;
    private final int wsPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger webSocketAttempts = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int refusalStatus;
    private volatile long refusalRetryAfterSeconds;
    private volatile boolean silentStreams;
    private volatile boolean refuseOnlyRest;
    private volatile boolean closed;

    FrontDoor(int port, int httpPort, int wsPort) throws IOException {
        this.server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        this.httpPort = httpPort;
        this.wsPort = wsPort;
    }

    int port() {
        return server.getLocalPort();
    }

    void start() {
        Thread acceptor = new Thread(this::acceptLoop, "binance-sim-front-door-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                open.add(client);
                Thread.ofVirtual().name("binance-sim-conn").start(() -> route(client));
            } catch (IOException e) {
                if (!closed) log.debug("front door accept failed: {}", e.toString());
            }
        }
    }

    private void route(Socket client) {
        Socket backend = null;
        try {
            InputStream in = client.getInputStream();
            byte[] head = new byte[8192];
            int length = 0;
            while (indexOfHeadEnd(head, length) < 0) {
                if (length == head.length) {
                    if (head.length >= MAX_HEAD) throw new IOException("request head too large");
                    head = java.util.Arrays.copyOf(head, head.length * 2);
                }
                int n = in.read(head, length, head.length - length);
                if (n < 0) throw new IOException("closed before a request head arrived");
                length += n;
            }
            String text = new String(head, 0, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            boolean upgrade = text.contains("\nupgrade: websocket") || text.contains("\nupgrade:websocket");
            connections.incrementAndGet();
            if (upgrade) webSocketAttempts.incrementAndGet();
            int refusal = refusalStatus;
            if (refusal != 0 && !(upgrade && refuseOnlyRest)) {
                refuse(client, refusal);
                return;
            }
            backend = new Socket(InetAddress.getLoopbackAddress(), upgrade ? wsPort : httpPort);
            backend.setTcpNoDelay(true);
            open.add(backend);
            backend.getOutputStream().write(head, 0, length);
            backend.getOutputStream().flush();
            Socket from = backend;
            Thread.ofVirtual().name("binance-sim-pipe").start(() -> pump(from, client, upgrade));
            pump(client, backend, false);
        } catch (IOException e) {
            close(client);
            close(backend);
        }
    }

    /** Copies bytes one way; towards a WebSocket client nothing passes while the streams are silent. */
    private void pump(Socket from, Socket to, boolean toWebSocketClient) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (toWebSocketClient && silentStreams) continue; // no data, no pongs: a connection gone quiet
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away; the other follows
        } finally {
            close(from);
            close(to);
        }
    }

    private static int indexOfHeadEnd(byte[] b, int length) {
        for (int i = 3; i < length; i++) {
            if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') return i;
        }
        return -1;
    }

    /** What a venue's edge answers while it refuses everyone: Binance's JSON error for 418/429, a bare page otherwise. */
    private void refuse(Socket client, int status) throws IOException {
        String reason = switch (status) {
            case 418 -> "I'm a teapot";
            case 429 -> "Too Many Requests";
            case 403 -> "Forbidden";
            default -> "Service Unavailable";
        };
        String body = status == 418 || status == 429
                ? "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until " + (System.currentTimeMillis()
                        + refusalRetryAfterSeconds * 1000) + ". Please use WebSocket Streams for live updates to avoid bans.\"}"
                : "<html><body>" + reason + "</body></html>";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + (refusalRetryAfterSeconds > 0 ? "Retry-After: " + refusalRetryAfterSeconds + "\r\n" : "")
                + "Content-Type: " + (body.startsWith("{") ? "application/json" : "text/html") + "\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
        OutputStream out = client.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
        close(client);
    }

    /** From now on every new connection, REST or WebSocket, is answered with {@code status} (0 to accept again). */
    void refuseNewConnections(int status, long retryAfterSeconds, boolean onlyRest) {
        this.refusalRetryAfterSeconds = retryAfterSeconds;
        this.refuseOnlyRest = onlyRest;
        this.refusalStatus = status;
    }

    /** While true, nothing reaches a WebSocket client: no data, no pongs, no close. */
    void silenceStreams(boolean silent) {
        this.silentStreams = silent;
    }

    int connections() {
        return connections.get();
    }

    int webSocketAttempts() {
        return webSocketAttempts.get();
    }

    /** Cuts every open connection, REST and WebSocket alike, without a close handshake. */
    void dropAll() {
        for (Socket s : Set.copyOf(open)) {
            close(s);
        }
    }

    private void close(Socket s) {
        if (s == null) return;
        open.remove(s);
        try {
            s.setSoLinger(true, 0); // an abrupt reset, like a network failure
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        dropAll();
    }
}
