package cn.gov.eqq.govinfo.platform.limits;

import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/** The body limit on a real Tomcat (a chunked body cannot be sent through MockMvc). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=limits-test",
        "spring.config.import=classpath:govinfo-defaults.yml",
        "server.address=127.0.0.1",
        "govinfo.limits.max-body-size=10KB",
        "govinfo.limits.max-upload-size=40KB",
        "spring.servlet.multipart.max-file-size=1MB",
        "spring.servlet.multipart.max-request-size=1MB",
        "govinfo.audit.enabled=false"})
class RequestBodyLimitTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(EchoController.class)
    static class App {
    }

    @RestController
    static class EchoController {
        @PostMapping("/api/echo")
        Map<String, Integer> echo(@RequestBody Map<String, String> body) {
            return Map.of("chars", body.getOrDefault("text", "").length());
        }

        @PostMapping("/api/upload")
        Map<String, Long> upload(@RequestParam("file") MultipartFile file) {
            return Map.of("bytes", file.getSize());
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("limits-test"));
    }

    @MockitoBean
    JwtDecoder jwtDecoder;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void acceptTheTestToken() {
        given(jwtDecoder.decode(anyString())).willReturn(Jwt.withTokenValue("t").header("alg", "RS256")
                .subject("u1").claim("preferred_username", "u1")
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("reporter"))).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).build());
    }

    @Test
    void aBodyWithinTheLimitIsServed() throws Exception {
        HttpResponse<String> response = send(json("x".repeat(9_000)), false);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("9000");
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413InChineseBeforeAuthentication() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json("x".repeat(11_000)))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"payload-too-large\"", "请求内容过大", "10 KB", "\"status\":413");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        HttpResponse<String> response = send(json("x".repeat(30_000)), true);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload-too-large", "10 KB");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsServed() throws Exception {
        HttpResponse<String> response = send(json("y".repeat(5_000)), true);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("5000");
    }

    @Test
    void uploadsHaveTheirOwnLargerLimit() throws Exception {
        assertThat(upload(20_000).statusCode()).isEqualTo(200);
        HttpResponse<String> tooLarge = upload(50_000);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("40 KB");
    }

    private HttpResponse<String> send(String body, boolean chunked) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = chunked
                // an InputStream publisher has no known length: Java's client sends it chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        return http.send(HttpRequest.newBuilder(uri("/api/echo")).header("Authorization", "Bearer t")
                        .header("Content-Type", "application/json").POST(publisher).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> upload(int size) throws Exception {
        String boundary = "b0undary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + size + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, head.length + size, tail.length);
        return http.send(HttpRequest.newBuilder(uri("/api/upload")).header("Authorization", "Bearer t")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String json(String text) {
        return "{\"text\":\"" + text + "\"}";
    }
}
