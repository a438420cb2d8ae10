package io.tradekit.core.errors;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.fail;

/** Network failures produced for real on loopback sockets, as a venue call meets them. */
public final class LoopbackFailures {

    private LoopbackFailures() {
    }

    /** A port nothing listens on: bound and released, so the connect is refused. */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public static ConnectException refusedConnection() throws IOException {
        int port = closedPort();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
        } catch (ConnectException e) {
            return e;
        }
        return fail("a connection to closed port " + port + " was accepted");
    }

    /** A server that accepts and never answers: the read times out. */
    public static SocketTimeoutException readTimeout() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            client.setSoTimeout(50);
            client.getOutputStream().write("POST /api/v3/order".getBytes());
            try {
                int read = client.getInputStream().read();
                return fail("the silent server answered " + read);
            } catch (SocketTimeoutException e) {
                return e;
            }
        }
    }

    /** A server that takes the request and then aborts the connection (RST): the request was sent, the answer never came. */
    public static SocketException resetAfterSending() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            client.getOutputStream().write("POST /api/v3/order\r\n\r\n".getBytes());
            client.getOutputStream().flush();
            try (Socket accepted = server.accept()) {
                InputStream in = accepted.getInputStream();
                in.read(new byte[64]);
                accepted.setSoLinger(true, 0); // close with RST instead of FIN
            }
            client.setSoTimeout(2_000);
            try {
                int read = client.getInputStream().read();
                return fail("the aborted connection gave " + read);
            } catch (SocketException e) {
                return e;
            }
        }
    }

}
