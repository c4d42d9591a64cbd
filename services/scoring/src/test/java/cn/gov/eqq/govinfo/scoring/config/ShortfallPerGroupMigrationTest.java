package cn.gov.eqq.govinfo.scoring.config;

import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;
import cn.gov.eqq.govinfo.scoring.rules.domain.ShortfallRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.ShortfallTier;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Migration 2 on the test server: a version stored with one set of tiers gets that set for each group. */
class ShortfallPerGroupMigrationTest {

    private static final String LEGACY = "{\"version\":\"room-2026\",\"effectiveFrom\":\"2026-11-01\",\"source\":\"信息室\","
            + "\"categories\":{\"DYNAMIC\":{\"label\":\"动态类\",\"points\":1}},\"forwardPoints\":2,"
            + "\"adoptionKinds\":{\"CITY_BULLETIN_ADOPTED\":{\"label\":\"采用\",\"shortLabel\":\"采用\",\"points\":20,"
            + "\"instruction\":false}},\"commissionPoints\":10,\"monthlyQuota\":{\"1\":8,\"2\":8,\"3\":4},"
            + "\"shortfall\":{\"example\":false,\"note\":\"信息室确定\",\"tiers\":[{\"fromShortfall\":1,"
            + "\"toShortfall\":null,\"deduction\":-2}],\"nothingReceived\":-5}}";

    private final String name = "scoring-migration-" + UUID.randomUUID();
    private final MongoClient client = MongoClients.create(MongoTestServer.uri(name));
    private final MongoDatabase database = client.getDatabase(name);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void storedVersionWithOneSetOfTiersGetsThemForEveryGroupOfItsQuotaAndKeepsItsFigures() {
        database.getCollection("policies").insertOne(new Document("_id", "room-2026").append("json", LEGACY)
                .append("addedBy", "admin"));

        SchemaMigrations.shortfallPerGroup().apply(database);
        SchemaMigrations.shortfallPerGroup().apply(database); // idempotent: a replica may apply it again

        Document stored = database.getCollection("policies").find().first();
        assertThat(stored.getString("addedBy")).isEqualTo("admin");
        assertThat(stored.getString("json")).contains("\"shortfall\":{\"1\":{");
        ScoringPolicy read = PolicyJson.read(stored.getString("json"));
        ShortfallRule tiers = new ShortfallRule(List.of(new ShortfallTier(1, null, -2)), -5, false, "信息室确定");
        assertThat(read.shortfall()).isEqualTo(Map.of(1, tiers, 2, tiers, 3, tiers));
        assertThat(read.shortfallOf(3).deductionFor(0, 4)).isEqualTo(-5);
    }
}
