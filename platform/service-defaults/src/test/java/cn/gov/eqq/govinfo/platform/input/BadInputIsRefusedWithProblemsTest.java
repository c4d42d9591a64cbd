package cn.gov.eqq.govinfo.platform.input;

import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

/**
 * The input rules of every servlet service, on a real Tomcat with the service defaults: each kind of bad value the
 * hostile-user run found stored or answered 500 is now a 400 problem in Chinese naming the field, and good values of
 * the same shape still pass (issue 20, cases 2, 3, 4, 5, 7, 8).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=input-rules-test",
        "spring.config.import=classpath:govinfo-defaults.yml",
        "server.address=127.0.0.1",
        "govinfo.audit.enabled=false"})
class BadInputIsRefusedWithProblemsTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(EchoController.class)
    static class App {
    }

    record Draft(String title, String body, Boolean majorEvent, LocalDate eventDate, Integer words,
                 List<String> topics) {
    }

    @RestController
    static class EchoController {
        @PostMapping("/api/drafts")
        Draft create(@RequestBody Draft draft) {
            return draft;
        }

        @PostMapping(path = "/api/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        Map<String, Object> upload(@RequestParam("file") MultipartFile file, @RequestParam String title) {
            return Map.of("name", String.valueOf(file.getOriginalFilename()), "title", title);
        }

        @GetMapping("/api/drafts/{id}")
        String read(@PathVariable String id, @RequestParam(required = false) String q) {
            return id + q;
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("input-rules-test"));
    }

    @MockitoBean
    JwtDecoder jwtDecoder;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void anyTokenIsAReporter() {
        when(jwtDecoder.decode(anyString())).thenReturn(Jwt.withTokenValue("t").header("alg", "RS256")
                .subject("reporter-1").claim("unit_id", "U001")
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("reporter"))).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "a\\u0007b", "a\\u001b[31mb", "a\\u202eb", "a\\u2066b", "\\u200b\\u200b",
            "\\u200b \\ufeff", "a\\ud800b", "a\\udc00", "a\\u007fb", "a\\u0085b"})
    void controlDirectionInvisibleOnlyAndLoneSurrogateTextIsAFieldError(String title) throws Exception {
        HttpResponse<String> response = postJson("/api/drafts", "{\"title\":\"" + title + "\"}");

        assertFieldError(response, "title");
    }

    @Test
    void theRuleHoldsInsideListsAndNamesTheElement() throws Exception {
        assertFieldError(postJson("/api/drafts", "{\"topics\":[\"ok\",\"a\\u0000\"]}"), "topics[1]");
    }

    @Test
    void lineBreaksTabsAndOrdinaryChineseAndEmojiPass() throws Exception {
        HttpResponse<String> response = postJson("/api/drafts",
                "{\"title\":\"乡村振兴 \\ud83c\\udf3e 进展\",\"body\":\"第一段\\n\\t第二段\\r\\n完\",\"topics\":[\"a\\u200bb\"]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("乡村振兴 \uD83C\uDF3E 进展").contains("第一段\\n\\t第二段\\r\\n完");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\":true}", "{\"title\":123}", "{\"title\":1.5}", "{\"title\":{}}",
            "{\"title\":[\"a\"]}", "{\"majorEvent\":1}", "{\"majorEvent\":\"true\"}", "{\"words\":1.5}",
            "{\"words\":\"12\"}", "{\"words\":true}"})
    void aValueOfTheWrongJsonTypeIsNotCoerced(String body) throws Exception {
        String field = body.substring(2, body.indexOf('"', 2));

        assertFieldError(postJson("/api/drafts", body), field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261201", "\"9999-12-31\"", "\"0001-01-01\"", "\"+57443-04-15\"", "\"1999-12-31\"",
            "\"2100-01-01\"", "\"2026-02-30\"", "\"2026/12/01\"", "true"})
    void aDateOutsideTheSensibleRangeOrNotAnIsoStringIsAFieldError(String date) throws Exception {
        assertFieldError(postJson("/api/drafts", "{\"eventDate\":" + date + "}"), "eventDate");
    }

    @Test
    void aSensibleDateAndAnEmptyDatePass() throws Exception {
        assertThat(postJson("/api/drafts", "{\"eventDate\":\"2026-12-01\"}").body())
                .contains("\"eventDate\":\"2026-12-01\"");
        assertThat(postJson("/api/drafts", "{\"eventDate\":\"\",\"title\":\"x\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aQueryParameterWithAControlCharacterIsAFieldError() throws Exception {
        HttpResponse<String> response = get("/api/drafts/d1?q=a%07b");

        assertProblem(response, 400, "validation-failed");
        assertThat(response.body()).contains("\"field\":\"q\"").contains("控制字符");
    }

    @Test
    void aNulInThePathIsAProblemNotTomcatsHtmlPage() throws Exception {
        for (String path : new String[] {"/api/drafts/a%00b", "/api/drafts/%00"}) {
            HttpResponse<String> response = get(path);

            assertProblem(response, 400, "request-rejected");
            assertThat(response.body()).as(path).doesNotContain("<html").doesNotContain("Tomcat");
        }
    }

    @Test
    void multipartWithoutABoundaryIsA400Problem() throws Exception {
        HttpResponse<String> response = post("/api/uploads?title=x", "multipart/form-data", "x".getBytes());

        assertProblem(response, 400, "multipart-invalid");
    }

    @Test
    void aTruncatedMultipartBodyIsA400Problem() throws Exception {
        byte[] whole = multipart("a.txt", "hello");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 30);

        HttpResponse<String> response = post("/api/uploads?title=x", "multipart/form-data; boundary=XyZ", cut);

        assertProblem(response, 400, "multipart-invalid");
    }

    @Test
    void aNulInTheFileNameRawOrEncodedIsA400Problem() throws Exception {
        // Tomcat refuses the raw byte in the part header, Spring the encoded one while decoding filename*
        assertProblem(post("/api/uploads?title=x", "multipart/form-data; boundary=XyZ",
                multipart("a\u0000b.txt", "hello")), 400, "multipart-invalid");
        assertProblem(post("/api/uploads?title=x", "multipart/form-data; boundary=XyZ",
                encodedFileName("a%00b.txt")), 400, "multipart-invalid");
    }

    @Test
    void anEscapeOrDirectionCharacterInTheFileNameIsA400ProblemAboutTheFileName() throws Exception {
        for (String encoded : new String[] {"a%1B%5B31mb.txt", "a%E2%80%AEtxt.exe", "%E2%80%8B"}) {
            HttpResponse<String> response = post("/api/uploads?title=x", "multipart/form-data; boundary=XyZ",
                    encodedFileName(encoded));

            assertThat(response.body()).as(encoded).contains("\"code\":\"file-name.invalid\"");
            assertProblem(response, 400, "file-name.invalid");
        }
    }

    @Test
    void aThousandCharacterFileNameIsA400AboutTheFileNameNotA413() throws Exception {
        for (String name : new String[] {"a".repeat(1000) + ".txt", "报".repeat(1000) + ".docx"}) {
            HttpResponse<String> response = post("/api/uploads?title=x", "multipart/form-data; boundary=XyZ",
                    multipart(name, "hello"));

            assertProblem(response, 400, "file-name.invalid");
            assertThat(response.body()).contains("文件名过长");
        }
    }

    @Test
    void aGoodUploadPasses() throws Exception {
        HttpResponse<String> response = post("/api/uploads?title=x", "multipart/form-data; boundary=XyZ",
                multipart("乡村振兴.docx", "hello"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("乡村振兴.docx");
    }

    @Test
    void jsonSentToAnUploadEndpointIsA415NamingMultipart() throws Exception {
        HttpResponse<String> response = postJson("/api/uploads?title=x", "{}");

        assertProblem(response, 415, "unsupported-media-type");
        assertThat(response.body()).contains("multipart/form-data").doesNotContain("application/json");
    }

    @Test
    void aFormBodySentToAJsonEndpointIsA415NamingJson() throws Exception {
        HttpResponse<String> response = post("/api/drafts", "application/x-www-form-urlencoded",
                "title=x&_csrf=y".getBytes());

        assertProblem(response, 415, "unsupported-media-type");
        assertThat(response.body()).contains("application/json");
    }

    private static byte[] encodedFileName(String encoded) {
        return ("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''" + encoded
                + "\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XyZ--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] multipart(String fileName, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--XyZ--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void assertFieldError(HttpResponse<String> response, String field) {
        assertProblem(response, 400, "validation-failed");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"" + code + "\"").containsPattern("[\\u4e00-\\u9fff]");
    }

    private HttpResponse<String> postJson(String path, String json) throws Exception {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer t").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer t").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
