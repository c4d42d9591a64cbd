package cn.gov.eqq.govinfo.platform.audit;

import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SM3 hash chain of the audit log against the Mongo test server: an intact chain verifies; a removed, changed or
 * reordered line is found and named; lines appended at the same time by two replicas form one valid chain. The
 * tampering is done here with direct database writes, as someone holding the database would.
 */
class AuditChainTest {

    private final MongoTemplate mongo = new MongoTemplate(
            new SimpleMongoClientDatabaseFactory(MongoTestServer.uri("audit-chain-" + UUID.randomUUID())));
    private final MongoAuditLog log = new MongoAuditLog(mongo);

    @Test
    void anUntouchedChainIsIntact() {
        appendLines(5);
        AuditLog.Verification result = log.verify();
        assertThat(result).isEqualTo(AuditLog.Verification.intact(5, 5, 0));
    }

    @Test
    void anEmptyLogIsIntact() {
        assertThat(log.verify()).isEqualTo(AuditLog.Verification.intact(0, 0, 0));
    }

    @Test
    void theFirstLineChainsToTheGenesisAndEachLineToItsPredecessor() {
        appendLines(3);
        List<Document> chain = chainInOrder();
        assertThat(chain.get(0).getString("prev")).isEqualTo(AuditChain.GENESIS);
        assertThat(chain.get(1).getString("prev")).isEqualTo(chain.get(0).getString("hash"));
        assertThat(chain.get(2).getString("prev")).isEqualTo(chain.get(1).getString("hash"));
        assertThat(chain.get(2).getString("hash")).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void aRemovedLineIsNamedByItsPlace() {
        List<String> ids = appendLines(5);
        mongo.remove(Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(ids.get(2)))),
                MongoAuditLog.COLLECTION);

        AuditLog.Verification result = log.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(3L);
        assertThat(result.linesChecked()).isEqualTo(2);
        assertThat(result.problem()).isEqualTo("第 3 行缺失（已被删除），其后一行是第 4 行（" + ids.get(3) + "）");
    }

    @Test
    void removedLinesAtTheEndShowAgainstTheHead() {
        List<String> ids = appendLines(4);
        mongo.remove(Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(ids.get(3)))),
                MongoAuditLog.COLLECTION);
        // the head still carries the last line and would put it back: take it out of the head too
        mongo.updateFirst(Query.query(Criteria.where("_id").is(AuditChainHead.ID)), new Update().unset("line"),
                AuditChainHead.COLLECTION);

        AuditLog.Verification result = log.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(4L);
        assertThat(result.problem()).isEqualTo("第 4 行至第 4 行缺失（链头记录的最后一行是第 4 行）");
    }

    @Test
    void aChangedLineIsNamed() {
        List<String> ids = appendLines(5);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(ids.get(1)))),
                new Update().set("actor.username", "someone-else"), MongoAuditLog.COLLECTION);

        AuditLog.Verification result = log.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(2L);
        assertThat(result.brokenId()).isEqualTo(ids.get(1));
        assertThat(result.problem()).isEqualTo("第 2 行的内容被改动（哈希不符）");
    }

    @Test
    void aChangedLineWhoseOwnHashWasRecomputedBreaksTheNextLink() {
        List<String> ids = appendLines(4);
        Document second = chainInOrder().get(1);
        AuditRecord forged = MongoAuditLog.fromDocument(mongo.findById(new org.bson.types.ObjectId(ids.get(1)),
                Document.class, MongoAuditLog.COLLECTION));
        AuditRecord changed = new AuditRecord(forged.id(), forged.at(), forged.service(),
                new AuditRecord.Actor("x", "someone-else", null, Set.of("admin")), forged.origin(), forged.action());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(ids.get(1)))),
                new Update().set("actor.username", "someone-else").set("actor.subject", "x")
                        .set("actor.roles", List.of("admin"))
                        .set("chain.hash", AuditChain.hash(2, second.getString("prev"), changed)),
                MongoAuditLog.COLLECTION);

        AuditLog.Verification result = log.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(3L);
        assertThat(result.brokenId()).isEqualTo(ids.get(2));
    }

    @Test
    void reorderedLinesAreFound() {
        List<String> ids = appendLines(5);
        // swap the places of lines 2 and 3
        setSeq(ids.get(1), 3);
        setSeq(ids.get(2), 2);

        AuditLog.Verification result = log.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(2L);
        assertThat(result.brokenId()).isEqualTo(ids.get(2));
        assertThat(result.problem()).startsWith("第 2 行记录的前一行哈希与第 1 行不符");
    }

    @Test
    void linesWrittenBeforeTheChainAreCountedApart() {
        mongo.insert(MongoAuditLog.toDocument(line("legacy")), MongoAuditLog.COLLECTION);
        appendLines(2);
        assertThat(log.verify()).isEqualTo(AuditLog.Verification.intact(2, 2, 1));
    }

    @Test
    void aLineOnlyInTheHeadIsPutBackNotReportedMissing() {
        appendLines(3);
        Document last = chainInOrder().get(2);
        // a replica died after moving the head and before inserting its line
        mongo.remove(Query.query(Criteria.where("chain.seq").is(3)), MongoAuditLog.COLLECTION);
        appendLines(1);
        assertThat(log.verify()).isEqualTo(AuditLog.Verification.intact(4, 4, 0));
        assertThat(chainInOrder().get(2).getString("hash")).isEqualTo(last.getString("hash"));
    }

    @Test
    void twoReplicasAppendingAtOnceFormOneValidChain() throws Exception {
        MongoAuditLog replicaA = new MongoAuditLog(mongo);
        MongoAuditLog replicaB = new MongoAuditLog(mongo);
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                MongoAuditLog replica = t % 2 == 0 ? replicaA : replicaB;
                String who = "writer-" + t;
                writers.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        replica.append(line(who));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int total = threads * perThread;
        assertThat(mongo.count(new Query(), MongoAuditLog.COLLECTION)).isEqualTo(total);
        assertThat(chainInOrder()).extracting(d -> ((Number) d.get("seq")).longValue())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(log.verify()).isEqualTo(AuditLog.Verification.intact(total, total, 0));
    }

    private List<String> appendLines(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AuditRecord record = line("room-editor");
            AuditRecord withId = new AuditRecord(new org.bson.types.ObjectId().toHexString(), record.at(),
                    record.service(), record.actor(), record.origin(), record.action());
            log.append(withId);
            ids.add(withId.id());
        }
        return ids;
    }

    private List<Document> chainInOrder() {
        return mongo.find(new Query().with(org.springframework.data.domain.Sort.by("chain.seq")), Document.class,
                        MongoAuditLog.COLLECTION).stream()
                .filter(d -> d.containsKey("chain")).map(d -> d.get("chain", Document.class)).toList();
    }

    private void setSeq(String id, long seq) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(id))),
                new Update().set("chain.seq", seq), MongoAuditLog.COLLECTION);
    }

    private static AuditRecord line(String username) {
        return new AuditRecord(null, Instant.now(), "audit-chain-test",
                new AuditRecord.Actor("sub-" + username, username, null, Set.of("info-room")),
                new AuditRecord.Origin("203.0.113.9", null, "10.0.0.5", "测试", null, null),
                new AuditRecord.Action("POST", "/api/things/T-1/approval", "/api/things/{thingId}/approval",
                        Map.of("thingId", "T-1"), null, 201, AuditRecord.Outcome.SUCCEEDED));
    }
}
