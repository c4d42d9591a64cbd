package cn.gov.eqq.govinfo.gateway.web;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's HTTP server (Reactor Netty) must keep reading a browser's keep-alive connection. Reactor Netty up to
 * 1.3.7 stopped reading a connection for good when a request that arrived while the previous one was still finishing
 * was answered at once (reactor/reactor-netty#4361, fixed by #4347): the next request on it waited until the browser
 * gave up. The portal's sign-in met exactly that in CI (a request to the gateway hung 30 s and was only read when the
 * browser closed the socket), so the build pins a fixed Reactor Netty (root pom) and this test guards the pin.
 */
class KeepAliveConnectionTest {

    @Test
    void aConnectionIsStillReadAfterARequestWasQueuedBehindASlowOne() throws IOException {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.sendString(request.uri().equals("/slow")
                        ? Mono.delay(Duration.ofMillis(100)).thenReturn("slow")
                        : Mono.just("fast")))
                .bindNow(Duration.ofSeconds(10));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // the second request arrives while the first is still being answered: the server queues it
            out.write((get("/slow") + get("/queued")).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponses(in, 2)).isEqualTo(2);

            // a later request on the same connection, like a browser's next click
            out.write(get("/next").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponses(in, 1)).as("answers to a request sent after the queued one").isEqualTo(1);
        } finally {
            server.disposeNow();
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n";
    }

    /** Reads until {@code expected} complete responses ("slow"/"fast" bodies) arrived, or 5 s of silence. */
    private static int readResponses(InputStream in, int expected) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            while (count(seen) < expected) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                seen.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            }
        } catch (SocketTimeoutException silence) {
            // counted below: fewer answers than requests
        }
        return count(seen);
    }

    private static int count(CharSequence responses) {
        String text = responses.toString();
        int count = 0;
        for (int at = text.indexOf("HTTP/1.1 200"); at >= 0; at = text.indexOf("HTTP/1.1 200", at + 1)) {
            count++;
        }
        return count;
    }
}
