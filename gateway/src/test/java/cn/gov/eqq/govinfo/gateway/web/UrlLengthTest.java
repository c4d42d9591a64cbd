package cn.gov.eqq.govinfo.gateway.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An over-long address through the real Netty server: a Chinese 414 problem, never Netty's empty 414 (the fuzzer
 * sent 180 KB query strings and got a bare status); an address within the limit goes on to authentication.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "govinfo.gateway.security.issuer-uri=http://127.0.0.1:9/realms/govinfo"})
class UrlLengthTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aQueryOfTwentyThousandChineseCharactersIsAChinese414Problem() throws Exception {
        String period = URLEncoder.encode("中".repeat(20_000), StandardCharsets.UTF_8);

        HttpResponse<String> response = get("/api/reporting/rankings?group=2&period=" + period);

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"title\":\"请求地址过长\"").contains("\"code\":\"uri-too-long\"")
                .contains("请缩短查询条件");
    }

    @Test
    void aLongPathIdIsRefusedTheSameWay() throws Exception {
        HttpResponse<String> response = get("/api/intake/items/" + "a".repeat(9_000));

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.body()).contains("\"code\":\"uri-too-long\"");
    }

    @Test
    void anAddressWithinTheLimitGoesOnToAuthentication() throws Exception {
        HttpResponse<String> response = get("/api/intake/items?q=" + "b".repeat(6_000));

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
