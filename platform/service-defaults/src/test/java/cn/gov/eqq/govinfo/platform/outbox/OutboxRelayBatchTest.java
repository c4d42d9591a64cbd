package cn.gov.eqq.govinfo.platform.outbox;

import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import cn.gov.eqq.govinfo.testsupport.time.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The relay claims and sends documents in rounds: with the broker's answers simulated (a mock template — the real
 * broker is {@code OutboxRelayIntegrationTest}'s) and the real Mongo driver on the test server.
 */
class OutboxRelayBatchTest {

    private static final Duration RETRY_DELAY = Duration.ofMillis(300);

    private final MongoTemplate mongo = new MongoTemplate(
            new SimpleMongoClientDatabaseFactory(MongoTestServer.uri("outbox-batch-" + UUID.randomUUID())));
    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    private final OutboxRelay relay = new OutboxRelay(mongo, kafka,
            new OutboxProperties(List.of("things"), Duration.ofSeconds(60), Duration.ofSeconds(30),
                    Duration.ofSeconds(2), RETRY_DELAY), clock);

    @Test
    void moreDocumentsThanOneRoundAreAllPublishedInOrderPerDocumentAndReleased() {
        answerEverySend();
        int documents = OutboxRelay.BATCH * 2 + 17;
        for (int i = 0; i < documents; i++) {
            insert("thing-" + i, "e" + i + "a", "e" + i + "b");
        }

        assertThat(relay.drain()).isEqualTo(documents * 2);

        assertThat(sent).hasSize(documents * 2);
        for (int i = 0; i < documents; i++) {
            assertThat(sent.indexOf("e" + i + "a")).isLessThan(sent.indexOf("e" + i + "b"));
        }
        assertThat(mongo.findAll(Document.class, "things")).allSatisfy(d -> {
            assertThat(d.getList("outbox", Document.class)).isEmpty();
            assertThat(d).doesNotContainKeys("outboxClaim", "outboxClaimUntil");
        });
        assertThat(relay.drain()).as("nothing twice").isZero();
    }

    @Test
    void importedDocumentsFollowTheLiveOnesAtTheirPace() {
        answerEverySend();
        OutboxRelay paced = new OutboxRelay(mongo, kafka, new OutboxProperties(List.of("things"),
                Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(2), RETRY_DELAY, 40));
        for (int i = 0; i < 100; i++) {
            mongo.insert(new Document("_id", "imported-" + i).append(OutboxRelay.BULK, true).append("outbox",
                    List.of(entry("imported-" + i, "i" + i))), "things");
        }
        insert("live", "l1");

        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger published = new java.util.concurrent.atomic.AtomicInteger();
        // a pass every 50 ms, as the relay's poll would make them
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(() -> published.addAndGet(paced.drain()) >= 101);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(sent.get(0)).as("the live entry before any imported one").isEqualTo("l1");
        assertThat(sent).hasSize(101);
        // at 40 a second, with at most one second's worth at hand: 60 more need 1.5 s (all at once: a few ms)
        assertThat(took).isGreaterThan(Duration.ofMillis(1_300));
    }

    @Test
    void collectionsNamedAtRunTimeArePublishedBesideTheConfiguredOnesEachOnce() {
        answerEverySend();
        List<String> named = new CopyOnWriteArrayList<>(List.of("things"));
        OutboxRelay following = new OutboxRelay(mongo, kafka, new OutboxProperties(List.of("things"),
                Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(2), RETRY_DELAY), () -> named);
        insert("a", "a1");
        mongo.insert(new Document("_id", "g").append("outbox", List.of(new Document("eventId", "g1")
                .append("topic", "test.thing-events.v1").append("key", "g").append("json", "json-g1")
                .append("createdAt", Date.from(Instant.now())))), "things_g2");

        assertThat(following.drain()).as("a1 once although named twice; things_g2 not named yet").isEqualTo(1);
        named.add("things_g2");
        assertThat(following.drain()).isEqualTo(1);

        assertThat(sent).containsExactly("a1", "g1");
    }

    @Test
    void aFailedSendIsRetriedAfterTheRetryDelayNotTheClaimAndTheOtherDocumentsArePublished() {
        answerEverySend();
        CompletableFuture<SendResult<String, String>> refused = new CompletableFuture<>();
        refused.completeExceptionally(new IllegalStateException("broker away"));
        when(kafka.send(anyString(), anyString(), org.mockito.ArgumentMatchers.eq("json-b2"))).thenReturn(refused);
        insert("a", "a1");
        insert("b", "b1", "b2", "b3");
        insert("c", "c1");

        assertThat(relay.drain()).as("a1, b1, c1").isEqualTo(3);

        assertThat(eventIds("a")).isEmpty();
        assertThat(eventIds("c")).isEmpty();
        assertThat(eventIds("b")).as("acknowledged b1 removed, b2 and after kept").containsExactly("b2", "b3");
        assertThat(mongo.findById("a", Document.class, "things")).doesNotContainKey("outboxClaim");
        Date until = mongo.findById("b", Document.class, "things").get("outboxClaimUntil", Date.class);
        assertThat(until.toInstant()).as("b held for the retry delay, not the 30 s claim")
                .isEqualTo(clock.instant().plus(RETRY_DELAY));
        assertThat(relay.drain()).as("b waits its retry delay").isZero();

        answerEverySend(); // the broker is back
        clock.advance(RETRY_DELAY.plusMillis(1));
        assertThat(relay.drain()).as("b2, b3").isEqualTo(2);
        assertThat(eventIds("b")).isEmpty();
        assertThat(sent.subList(sent.size() - 2, sent.size())).containsExactly("b2", "b3");
    }

    @Test
    void documentsNotReachedBecauseAnEarlierSendFailedAreReleasedAtOnce() {
        answerEverySend();
        when(kafka.send(anyString(), anyString(), org.mockito.ArgumentMatchers.eq("json-x1")))
                .thenThrow(new IllegalStateException("no metadata within max.block.ms"));
        insert("x", "x1");
        insert("y", "y1");
        insert("z", "z1");

        assertThat(relay.drain()).as("the round stops at x1").isZero();

        assertThat(mongo.findById("y", Document.class, "things")).doesNotContainKeys("outboxClaim", "outboxClaimUntil");
        assertThat(mongo.findById("z", Document.class, "things")).doesNotContainKeys("outboxClaim", "outboxClaimUntil");
        assertThat(relay.drain()).as("y1 and z1 at the next pass, x still waiting").isEqualTo(2);
        assertThat(eventIds("x")).containsExactly("x1");
    }

    @Test
    void withTheBrokerSilentARoundWaitsOneSendTimeoutInAllNotOnePerEntry() {
        when(kafka.send(anyString(), anyString(), anyString())).thenAnswer(call -> new CompletableFuture<>());
        for (int i = 0; i < 20; i++) {
            insert("silent-" + i, "s" + i);
        }

        long start = System.nanoTime();
        assertThat(relay.drain()).isZero();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // 20 unanswered sends, a 2 s send timeout: one timeout for the round (20 × 2 s before)
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(eventIds("silent-0")).containsExactly("s0");
    }

    @Test
    void aDocumentClaimedByAnotherReplicaIsLeftAlone() {
        answerEverySend();
        insert("mine", "m1");
        insert("theirs", "t1");
        mongo.getCollection("things").updateOne(new Document("_id", "theirs"),
                new Document("$set", new Document("outboxClaim", "other-replica")
                        .append("outboxClaimUntil", Date.from(clock.instant().plusSeconds(30)))));

        assertThat(relay.drain()).isEqualTo(1);

        assertThat(sent).containsExactly("m1");
        assertThat(eventIds("theirs")).containsExactly("t1");
    }

    /** Every send acknowledged (stubbed with doAnswer: a second stubbing must not call the first one). */
    private void answerEverySend() {
        org.mockito.Mockito.doAnswer(call -> {
            String json = call.getArgument(2);
            sent.add(json.substring("json-".length()));
            return CompletableFuture.completedFuture(null);
        }).when(kafka).send(anyString(), anyString(), anyString());
    }

    private void insert(String id, String... eventIds) {
        List<Document> outbox = new ArrayList<>();
        for (String e : eventIds) {
            outbox.add(entry(id, e));
        }
        mongo.insert(new Document("_id", id).append("outbox", outbox), "things");
    }

    private static Document entry(String key, String eventId) {
        return new Document("eventId", eventId).append("topic", "test.thing-events.v1").append("key", key)
                .append("json", "json-" + eventId).append("createdAt", Date.from(Instant.now()));
    }

    private List<String> eventIds(String id) {
        return mongo.findById(id, Document.class, "things").getList("outbox", Document.class).stream()
                .map(d -> d.getString("eventId")).toList();
    }
}
