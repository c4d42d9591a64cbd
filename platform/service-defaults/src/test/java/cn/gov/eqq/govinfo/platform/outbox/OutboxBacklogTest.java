package cn.gov.eqq.govinfo.platform.outbox;

import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.index.IndexInfo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox's pending query has its index and the backlog its gauge (the real Mongo driver on the test server). */
class OutboxBacklogTest {

    private final MongoTemplate mongo = new MongoTemplate(
            new SimpleMongoClientDatabaseFactory(MongoTestServer.uri("outbox-backlog-" + UUID.randomUUID())));
    private final OutboxBacklog backlog = new OutboxBacklog(mongo, new OutboxProperties(List.of("items", "units"),
            Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(1)));

    @Test
    void everyOutboxCollectionGetsThePartialPendingIndexOnceAlsoWhenAskedTwice() {
        backlog.ensureIndexes();
        backlog.ensureIndexes();

        for (String collection : List.of("items", "units")) {
            List<IndexInfo> indexes = mongo.indexOps(collection).getIndexInfo();
            assertThat(indexes).extracting(IndexInfo::getName).containsExactlyInAnyOrder("_id_", OutboxBacklog.INDEX);
            IndexInfo pending = indexes.stream().filter(i -> i.getName().equals(OutboxBacklog.INDEX)).findFirst()
                    .orElseThrow();
            assertThat(pending.getIndexFields()).extracting(f -> f.getKey()).containsExactly("outboxClaimUntil");
            assertThat(pending.getPartialFilterExpression()).contains("outbox.0").contains("$exists");
        }
    }

    @Test
    void theGaugeReportsTheDocumentsWithUnpublishedEntriesPerCollection() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        backlog.bindTo(registry);
        mongo.insert(new Document("_id", "a").append("outbox", List.of(new Document("eventId", "e1"),
                new Document("eventId", "e2"))), "items");
        mongo.insert(new Document("_id", "b").append("outbox", List.of(new Document("eventId", "e3"))), "items");
        mongo.insert(new Document("_id", "c").append("outbox", List.of()), "items");
        mongo.insert(new Document("_id", "d"), "items");
        mongo.insert(new Document("_id", "u").append("outbox", List.of(new Document("eventId", "e4"))), "units");

        assertThat(gauge(registry, "items")).isEqualTo(2.0);
        assertThat(gauge(registry, "units")).isEqualTo(1.0);

        mongo.getCollection("items").updateOne(new Document("_id", "b"),
                new Document("$pull", new Document("outbox", new Document("eventId", "e3"))));
        assertThat(gauge(registry, "items")).isEqualTo(1.0);
    }

    private static double gauge(SimpleMeterRegistry registry, String collection) {
        return registry.get(OutboxBacklog.METRIC).tag("collection", collection).gauge().value();
    }
}
