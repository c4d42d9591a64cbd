package cn.gov.eqq.govinfo.gateway.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, case 1: a form-encoded POST with the session cookie and a {@code _csrf} field used to pass the CSRF check,
 * which had read the body, and reach intake without it (a worker waited 60 s). Now no API call with a form body gets
 * past the gateway: 415 problem at once, and the service sees nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "govinfo.gateway.security.issuer-uri=http://127.0.0.1:9/realms/govinfo"})
class ApiContentTypeTest {

    /** Stands for intake: counts every connection that reaches it. */
    private static final ServerSocket INTAKE;
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    static {
        try {
            INTAKE = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!INTAKE.isClosed()) {
                try (Socket socket = INTAKE.accept()) {
                    CONNECTIONS.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URI", () -> "http://127.0.0.1:" + INTAKE.getLocalPort());
    }

    @AfterAll
    static void stop() throws IOException {
        INTAKE.close();
    }

    @Value("${local.server.port}")
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void aFormPostWithSessionCookieAndCsrfFieldIsA415ProblemAndNeverReachesTheService() {
        long started = System.nanoTime();

        client.post().uri("/api/intake/items")
                .cookie("SESSION", "a-session").cookie("XSRF-TOKEN", "t0k3n")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("title=x&_csrf=t0k3n".getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("unsupported-media-type")
                .jsonPath("$.title").isEqualTo("不支持的内容类型")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("application/json"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(CONNECTIONS).hasValue(0);
    }

    @Test
    void anyBodyTypeOtherThanJsonMultipartOrCsvIsRefusedOnApiRoutesForBearerCallersToo() {
        for (String type : new String[] {"application/x-www-form-urlencoded", "application/xml", "text/html",
                "application/octet-stream"}) {
            client.put().uri("/api/intake/items/i1").header("Authorization", "Bearer x")
                    .header("Content-Type", type).bodyValue("a=b")
                    .exchange()
                    .expectStatus().isEqualTo(415)
                    .expectBody().jsonPath("$.code").isEqualTo("unsupported-media-type");
        }
        assertThat(CONNECTIONS).hasValue(0);
    }

    @Test
    void jsonStillGoesOnToAuthentication() {
        client.post().uri("/api/intake/items").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized();
    }
}
