package cn.gov.eqq.govinfo.intake.unit.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.intake.unit.domain.Membership;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The unit collection against the test server: spans read back as saved; documents older than spans upcast. */
class MongoUnitStoreTest {

    private final MongoTemplate mongo = new MongoTemplate(
            new SimpleMongoClientDatabaseFactory(MongoTestServer.uri("intake-units-" + UUID.randomUUID())));
    private final MongoUnitStore store = new MongoUnitStore(mongo, new EventCodec());

    @Test
    void membershipSpansReadBackAsSaved() {
        Unit moved = Unit.joining("U060", "数据局", 2, YearMonth.of(2025, 1)).movedTo(3, YearMonth.of(2026, 7));
        EventEnvelope<UnitChanged> event = EventEnvelope.wrap(new UnitChanged("U060", "数据局", 3, true,
                Instant.parse("2026-07-01T00:00:00Z")), "submission-intake", Instant.parse("2026-07-01T00:00:00Z"));

        store.insert(moved, event);

        assertThat(store.find("U060").orElseThrow().unit()).isEqualTo(moved);
    }

    @Test
    void unitStoredBeforeSpansWereKeptReadsAsAMemberOfItsGroupSinceTheFirstPolicyMonth() {
        mongo.insert(new Document("_id", "U006").append("name", "发改委").append("group", 2).append("active", true)
                .append("changedAt", Date.from(Instant.parse("2026-01-01T00:00:00Z"))).append("version", 0L), "units");
        mongo.insert(new Document("_id", "U009").append("name", "民委").append("group", 2).append("active", false)
                .append("changedAt", Date.from(Instant.parse("2026-03-10T00:00:00Z"))).append("version", 3L), "units");

        assertThat(store.find("U006").orElseThrow().unit().memberships())
                .containsExactly(new Membership(2, YearMonth.of(2022, 7), null));
        assertThat(store.find("U009").orElseThrow().unit().memberships())
                .containsExactly(new Membership(2, YearMonth.of(2022, 7), YearMonth.of(2026, 3)));
    }
}
