package cn.gov.eqq.govinfo.platform.idempotency;

import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

/**
 * {@code Idempotency-Key} on a real Tomcat with the service defaults and MongoDB: a retry returns the first answer and
 * creates nothing twice, also after the client dropped the connection, and the kept answer is in the database that
 * every replica of the service shares (issue 20, case 6).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=idempotency-test",
        "spring.config.import=classpath:govinfo-defaults.yml",
        "server.address=127.0.0.1",
        "govinfo.audit.enabled=false"})
class IdempotencyKeyTest {

    static final AtomicInteger created = new AtomicInteger();
    static volatile CountDownLatch hold = new CountDownLatch(0);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(DraftController.class)
    static class App {
    }

    record NewDraft(String title) {
    }

    @RestController
    static class DraftController {
        @PostMapping("/api/drafts")
        ResponseEntity<Map<String, Object>> create(@RequestBody NewDraft draft) throws InterruptedException {
            if (draft.title() == null) {
                return ResponseEntity.badRequest().build();
            }
            hold.await(30, TimeUnit.SECONDS);
            int number = created.incrementAndGet();
            String id = "d" + number;
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/drafts/" + id))
                    .body(Map.of("id", id, "title", draft.title()));
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("idempotency-test"));
    }

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Autowired
    MongoTemplate mongo;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void theTokenIsTheUser() {
        created.set(0);
        hold = new CountDownLatch(0);
        when(jwtDecoder.decode(anyString())).thenAnswer(call -> Jwt.withTokenValue(call.getArgument(0))
                .header("alg", "RS256").subject(call.getArgument(0))
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("reporter"))).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).build());
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstAnswerAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post("alice", key, "{\"title\":\"一\"}");
        HttpResponse<String> retry = post("alice", key, "{\"title\":\"一\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body()).contains("\"id\":\"d1\"");
        assertThat(retry.headers().firstValue("Location")).contains("/api/drafts/d1");
        assertThat(retry.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(retry.headers().firstValue(IdempotencyFilter.REPLAYED)).contains("true");
        assertThat(first.headers().firstValue(IdempotencyFilter.REPLAYED)).isEmpty();
        assertThat(created).hasValue(1);
    }

    @Test
    void withoutAKeyEveryRequestCreates() throws Exception {
        post("alice", null, "{\"title\":\"一\"}");
        post("alice", null, "{\"title\":\"一\"}");

        assertThat(created).hasValue(2);
    }

    @Test
    void theKeyIsTheUsersOwnAnotherUserWithTheSameKeyCreatesHisOwn() throws Exception {
        String key = UUID.randomUUID().toString();

        HttpResponse<String> alice = post("alice", key, "{\"title\":\"一\"}");
        HttpResponse<String> bob = post("bob", key, "{\"title\":\"一\"}");

        assertThat(alice.body()).contains("d1");
        assertThat(bob.body()).contains("d2");
        assertThat(created).hasValue(2);
    }

    @Test
    void theSameKeyOnADifferentRequestIsA422Problem() throws Exception {
        String key = UUID.randomUUID().toString();
        post("alice", key, "{\"title\":\"一\"}");

        HttpResponse<String> other = post("alice", key, "{\"title\":\"二\"}");

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("\"code\":\"idempotency-key.reused\"").contains("Idempotency-Key");
        assertThat(created).hasValue(1);
    }

    @Test
    void aRefusedFirstRequestKeepsNothingSoItsCorrectedRetryRuns() throws Exception {
        String key = UUID.randomUUID().toString();

        assertThat(post("alice", key, "{}").statusCode()).isEqualTo(400);
        assertThat(post("alice", key, "{}").statusCode()).isEqualTo(400);

        assertThat(mongo.getCollection(IdempotencyRecords.COLLECTION).countDocuments(
                new Document("subject", "alice").append("key", key))).isZero();
        assertThat(created).hasValue(0);
    }

    @Test
    void aKeyThatIsNoKeyIsA400Problem() throws Exception {
        HttpResponse<String> response = post("alice", "short", "{\"title\":\"一\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"idempotency-key.invalid\"");
        assertThat(created).hasValue(0);
    }

    @Test
    void aRetryAfterADroppedConnectionCreatesNothingTwice() throws Exception {
        String key = UUID.randomUUID().toString();
        hold = new CountDownLatch(1);

        // the client gives up while the service is still working: the connection is dropped
        assertThatThrownBy(() -> post("alice", key, "{\"title\":\"一\"}", Duration.ofMillis(500)))
                .isInstanceOf(HttpTimeoutException.class);
        // a retry while the first still runs is told to wait, not run a second time
        HttpResponse<String> early = post("alice", key, "{\"title\":\"一\"}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.headers().firstValue("Retry-After")).contains("1");
        assertThat(early.body()).contains("\"code\":\"idempotency-key.in-progress\"");

        hold.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection(IdempotencyRecords.COLLECTION)
                .countDocuments(new Document("key", key).append("state", IdempotencyRecords.COMPLETED)) == 1);
        HttpResponse<String> retry = post("alice", key, "{\"title\":\"一\"}");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).contains("\"id\":\"d1\"");
        assertThat(created).hasValue(1);
    }

    @Test
    void anotherReplicaReadingTheSameDatabaseFindsTheFirstAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post("alice", key, "{\"title\":\"一\"}");

        try (var client = MongoClients.create(MongoTestServer.uri("idempotency-test"))) {
            IdempotencyRecords otherReplica = new IdempotencyRecords(
                    new MongoTemplate(client, "idempotency-test"), new IdempotencyProperties(null, null, null),
                    Clock.systemUTC());
            IdempotencyRecords.Claim claim = otherReplica.claim("alice", key,
                    mongo.getCollection(IdempotencyRecords.COLLECTION)
                            .find(new Document("key", key)).first().getString("fingerprint"));

            assertThat(claim).isInstanceOfSatisfying(IdempotencyRecords.Done.class, done -> {
                assertThat(done.status()).isEqualTo(201);
                assertThat(new String(done.body(), StandardCharsets.UTF_8)).isEqualTo(first.body());
            });
        }
    }

    @Test
    void theCollectionHasAUniqueIndexOnUserAndKeyAndATtlIndex() {
        new IdempotencyRecords(mongo, new IdempotencyProperties(null, null, null), Clock.systemUTC())
                .ensureIndexes();

        var indexes = mongo.getCollection(IdempotencyRecords.COLLECTION).listIndexes().into(new java.util.ArrayList<>());

        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.getString("name")).isEqualTo("subject_key_unique");
            assertThat(index.getBoolean("unique")).isTrue();
        });
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.getString("name")).isEqualTo("expiresAt_ttl");
            assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero();
        });
    }

    private HttpResponse<String> post(String user, String key, String json) throws Exception {
        return post(user, key, json, Duration.ofSeconds(30));
    }

    private HttpResponse<String> post(String user, String key, String json, Duration timeout) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/drafts"))
                .timeout(timeout).header("Authorization", "Bearer " + user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header(IdempotencyFilter.HEADER, key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
