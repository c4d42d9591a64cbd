package cn.gov.eqq.govinfo.reporting.ranking.adapter.out.mongo;

import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshots;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

    /** The stored form; {@code id} becomes {@code _id}. */
    record SnapshotDocument(String id, String key, String eventId, String period, String periodType, int group,
                            long snapshotVersion, Instant computedAt, String policyVersion, List<RankingLine> lines,
                            Instant keptAt) {

        static SnapshotDocument of(String id, RankingSnapshot s) {
            return new SnapshotDocument(id, s.key(), s.eventId(), s.period(), s.periodType(), s.group(),
                    s.snapshotVersion(), s.computedAt(), s.policyVersion(), s.lines(), s.keptAt());
        }

        RankingSnapshot toDomain() {
            return new RankingSnapshot(eventId, period, periodType, group, snapshotVersion, computedAt, policyVersion,
                    lines, keptAt);
        }
    }

    private final MongoTemplate mongo;

    MongoRankingSnapshots(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(HISTORY).createIndex(new Index().on("key", Sort.Direction.ASC).on("snapshotVersion",
                Sort.Direction.ASC));
        mongo.indexOps(LATEST).createIndex(new Index().on("keptAt", Sort.Direction.ASC));
        mongo.indexOps(LATEST).createIndex(new Index().on("period", Sort.Direction.ASC));
    }

    @Override
    public Optional<Long> latestVersion(String key) {
        return Optional.ofNullable(mongo.findById(key, SnapshotDocument.class, LATEST))
                .map(SnapshotDocument::snapshotVersion);
    }

    @Override
    public void addToHistory(RankingSnapshot s) {
        try {
            mongo.insert(SnapshotDocument.of(s.key() + "|" + s.snapshotVersion(), s), HISTORY);
        } catch (DuplicateKeyException alreadyThere) {
            // a redelivery after a crash between the two writes: the history already has this version
        }
    }

    @Override
    public void makeLatestIfNewer(RankingSnapshot s) {
        SnapshotDocument doc = SnapshotDocument.of(s.key(), s);
        Query olderLatest = new Query(Criteria.where("_id").is(s.key()).and("snapshotVersion").lt(s.snapshotVersion()));
        if (mongo.findAndReplace(olderLatest, doc, LATEST) == null) {
            try {
                mongo.insert(doc, LATEST);
            } catch (DuplicateKeyException newerHeld) {
                // a version at least as high is already latest
            }
        }
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
    public Slice<RankingSnapshot> latestChangedSince(Instant since, String period, int page, int size) {
        Criteria c = new Criteria();
        if (since != null) {
            c = c.and("keptAt").gt(since);
        }
        if (period != null) {
            c = c.and("period").is(period);
        }
        Query q = new Query(c);
        long total = mongo.count(q, LATEST);
        q.with(Sort.by("keptAt", "_id")).skip((long) page * size).limit(size);
        return new Slice<>(mongo.find(q, SnapshotDocument.class, LATEST).stream().map(SnapshotDocument::toDomain)
                .toList(), total);
    }
}
