package io.tradekit.core.net;

import com.sun.net.httpserver.HttpServer;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HttpTransportTest {

    private final HttpTransport transport = new HttpTransport("venue", Duration.ofSeconds(2));
    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) server.stop(0);
    }

    private URI startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> {
            byte[] body = "{\"serverTime\":1499827319559}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-MBX-USED-WEIGHT-1M", "12");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/stalled-body", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write("{\"serverTime\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                release.await(10, TimeUnit.SECONDS); // the rest of the body never comes while the test runs
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced up front
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try {
                for (int i = 0; i < 200; i++) exchange.getResponseBody().write(chunk); // 12.5 MiB
            } catch (java.io.IOException clientWentAway) {
                // the client stops reading at its limit
            }
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void returnsStatusHeadersAndBody() throws Exception {
        URI base = startServer();
        HttpReply reply = transport.send(HttpRequest.newBuilder(base.resolve("/ok")).GET().build());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.isSuccess()).isTrue();
        assertThat(reply.longHeader("x-mbx-used-weight-1m")).hasValue(12);
        assertThat(reply.body()).isEqualTo("{\"serverTime\":1499827319559}");
    }

    @Test
    void aRefusedConnectionIsANetworkFailureNothingWasSent() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        ExchangeException e = catchThrowableOfType(ExchangeException.class,
                () -> transport.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v3/order?signature=abc")).GET().build()));
        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(e.getMessage()).contains("GET /api/v3/order").doesNotContain("signature");
    }

    @Test
    void noAnswerInTimeIsATimeout() throws Exception {
        URI base = startServer();
        ExchangeException e = catchThrowableOfType(ExchangeException.class,
                () -> transport.send(HttpRequest.newBuilder(base.resolve("/slow")).timeout(Duration.ofMillis(300)).GET().build()));
        assertThat(e.category()).isEqualTo(ErrorCategory.TIMEOUT);
    }

    @Test
    void aConnectionDroppedAfterTheRequestLeftIsAnUnknownOutcome() throws Exception {
        try (ServerSocket dropper = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket s = dropper.accept()) {
                    InputStream in = s.getInputStream();
                    in.read(new byte[4096]); // take the request, answer nothing
                } catch (Exception ignored) {
                    // the test asserts on the client side
                }
            });
            ExchangeException e = catchThrowableOfType(ExchangeException.class,
                    () -> transport.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dropper.getLocalPort() + "/api/v3/order"))
                            .POST(HttpRequest.BodyPublishers.noBody()).build()));
            acceptor.join(5000);
            assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        }
    }

    @Test
    void aBodyThatStallsAfterTheHeadersEndsInATimeoutAtTheDeadline() throws Exception {
        URI base = startServer();
        ExchangeException e = catchThrowableOfType(ExchangeException.class,
                () -> transport.send(HttpRequest.newBuilder(base.resolve("/stalled-body")).timeout(Duration.ofMillis(400)).GET().build()));
        assertThat(e.category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(e.getMessage()).contains("GET /stalled-body").contains("no complete answer within the deadline of 400 ms");
    }

    @Test
    void anAnswerOverTheSizeLimitIsCutOffAsMalformed() throws Exception {
        URI base = startServer();
        HttpTransport limited = new HttpTransport("venue", Duration.ofSeconds(2), 1 << 20);
        ExchangeException e = catchThrowableOfType(ExchangeException.class,
                () -> limited.send(HttpRequest.newBuilder(base.resolve("/huge")).timeout(Duration.ofSeconds(5)).GET().build()));
        assertThat(e.category()).isEqualTo(ErrorCategory.MALFORMED_DATA);
        assertThat(e.getMessage()).contains("GET /huge").contains("answer is larger than 1048576 bytes");
    }
}
