package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The service starts with its database at its schema version: the baseline recorded once, the lock released. */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "govinfo.kafka.topic-partitions=1"})
@EmbeddedKafka(partitions = 1, topics = {Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS,
        Topics.RANKINGS, Topics.ITEM_SCORES, Topics.POLICIES, Topics.CIRCULARS})
class SchemaAtStartUpIntegrationTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("scoring-schema-" + UUID.randomUUID()));
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyMigrationIsRecordedOnceWithTheHostThatAppliedIt() {
        var history = mongo.getCollection("schema_migrations").find().into(new ArrayList<>());

        assertThat(history).extracting(d -> d.get("_id")).containsExactly(1, 2);
        Document baseline = history.get(0);
        assertThat(baseline.get("_id")).isEqualTo(1);
        assertThat(baseline.getString("description")).isEqualTo("baseline: documents and indexes as of the first release");
        assertThat(baseline.getString("appliedBy")).contains("#" + ProcessHandle.current().pid());
        assertThat(mongo.getCollection("schema_migrations_lock").countDocuments()).isZero();
    }
}
