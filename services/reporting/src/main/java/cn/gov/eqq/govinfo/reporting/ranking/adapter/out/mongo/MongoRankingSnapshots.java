package cn.gov.eqq.govinfo.reporting.ranking.adapter.out.mongo;

import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import cn.gov.eqq.govinfo.reporting.ranking.application.RankingSnapshots;
import cn.gov.eqq.govinfo.reporting.shared.adapter.out.mongo.FeedSequence;
import cn.gov.eqq.govinfo.reporting.shared.domain.Sequenced;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code ranking_history}: one document per version ({@code _id = period|group|version});
 * {@code ranking_latest}: one document per {@code period|group}, replaced only by a higher version.
 */
@Repository
class MongoRankingSnapshots implements RankingSnapshots {

    static final String HISTORY = "ranking_history";
    static final String LATEST = "ranking_latest";

    /**
     * The stored form; {@code id} becomes {@code _id}. {@code feedSeq} (latest only) is the dashboard feed's sequence
     * number of this keep; documents kept before the feed had one get theirs at start ({@link #numberUnsequenced}).
     */
    record SnapshotDocument(String id, String key, String eventId, String period, String periodType, int group,
                            long snapshotVersion, Instant computedAt, String policyVersion, List<RankingLine> lines,
                            Instant keptAt, Long feedSeq) {

        static SnapshotDocument of(String id, RankingSnapshot s, Long feedSeq) {
            return new SnapshotDocument(id, s.key(), s.eventId(), s.period(), s.periodType(), s.group(),
                    s.snapshotVersion(), s.computedAt(), s.policyVersion(), s.lines(), s.keptAt(), feedSeq);
        }

        RankingSnapshot toDomain() {
            return new RankingSnapshot(eventId, period, periodType, group, snapshotVersion, computedAt, policyVersion,
                    lines, keptAt);
        }
    }

    static final String FEED = "rankings";

    private final MongoTemplate mongo;
    private final FeedSequence sequence;

    MongoRankingSnapshots(MongoTemplate mongo, FeedSequence sequence) {
        this.mongo = mongo;
        this.sequence = sequence;
        mongo.indexOps(HISTORY).createIndex(new Index().on("key", Sort.Direction.ASC).on("snapshotVersion",
                Sort.Direction.ASC));
        mongo.indexOps(LATEST).createIndex(new Index().on("keptAt", Sort.Direction.ASC));
        mongo.indexOps(LATEST).createIndex(new Index().on("period", Sort.Direction.ASC));
        mongo.indexOps(LATEST).createIndex(new Index().on("feedSeq", Sort.Direction.ASC));
        numberUnsequenced();
    }

    /**
     * Gives every latest snapshot kept before the feed had sequence numbers its number, once: conditional on the
     * field being absent, so replicas starting together number each document once (a lost race wastes a number).
     */
    private void numberUnsequenced() {
        Query unsequenced = new Query(Criteria.where("feedSeq").exists(false)).with(Sort.by("keptAt", "_id"));
        unsequenced.fields().include("_id");
        for (org.bson.Document d : mongo.find(unsequenced, org.bson.Document.class, LATEST)) {
            sequence.keep(FEED, seq -> mongo.updateFirst(new Query(Criteria.where("_id").is(d.get("_id"))
                            .and("feedSeq").exists(false)), new Update().set("feedSeq", seq), LATEST)
                    .getModifiedCount() == 1);
        }
    }

    @Override
    public Optional<Long> latestVersion(String key) {
        return Optional.ofNullable(mongo.findById(key, SnapshotDocument.class, LATEST))
                .map(SnapshotDocument::snapshotVersion);
    }

    @Override
    public void addToHistory(RankingSnapshot s) {
        try {
            mongo.insert(SnapshotDocument.of(s.key() + "|" + s.snapshotVersion(), s, null), HISTORY);
        } catch (DuplicateKeyException alreadyThere) {
            // a redelivery after a crash between the two writes: the history already has this version
        }
    }

    @Override
    public void makeLatestIfNewer(RankingSnapshot s) {
        sequence.keep(FEED, seq -> {
            SnapshotDocument doc = SnapshotDocument.of(s.key(), s, seq);
            Query olderLatest = new Query(Criteria.where("_id").is(s.key()).and("snapshotVersion")
                    .lt(s.snapshotVersion()));
            if (mongo.findAndReplace(olderLatest, doc, LATEST) != null) {
                return true;
            }
            try {
                mongo.insert(doc, LATEST);
                return true;
            } catch (DuplicateKeyException newerHeld) {
                return false; // a version at least as high is already latest
            }
        });
    }

    @Override
    public Optional<RankingSnapshot> latest(String period, int group) {
        return Optional.ofNullable(mongo.findById(RankingSnapshot.keyOf(period, group), SnapshotDocument.class, LATEST))
                .map(SnapshotDocument::toDomain);
    }

    @Override
    public List<RankingSnapshot> history(String period, int group) {
        Query q = new Query(Criteria.where("key").is(RankingSnapshot.keyOf(period, group)))
                .with(Sort.by("snapshotVersion"));
        return mongo.find(q, SnapshotDocument.class, HISTORY).stream().map(SnapshotDocument::toDomain).toList();
    }

    @Override
    public List<RankingSnapshot> latestOfPeriod(String period) {
        Query q = new Query(Criteria.where("period").is(period)).with(Sort.by("group"));
        return mongo.find(q, SnapshotDocument.class, LATEST).stream().map(SnapshotDocument::toDomain).toList();
    }

    @Override
    public Sequenced.Page<RankingSnapshot> latestAfter(long afterSeq, Instant keptAfter, String period, int size) {
        Criteria c = Criteria.where("feedSeq").gt(afterSeq).lte(sequence.horizon(FEED));
        if (keptAfter != null) {
            c = c.and("keptAt").gt(keptAfter);
        }
        if (period != null) {
            c = c.and("period").is(period);
        }
        Query q = new Query(c);
        long total = mongo.count(q, LATEST);
        q.with(Sort.by("feedSeq")).limit(size);
        List<Sequenced<RankingSnapshot>> items = mongo.find(q, SnapshotDocument.class, LATEST).stream()
                .map(d -> new Sequenced<>(d.feedSeq(), d.toDomain())).toList();
        return new Sequenced.Page<>(items, total - items.size());
    }
}
