package cn.gov.eqq.govinfo.scoring.shared.adapter.out.mongo;

import cn.gov.eqq.govinfo.platform.outbox.OutboxCollections;
import cn.gov.eqq.govinfo.scoring.shared.application.GenerationPointer;
import cn.gov.eqq.govinfo.scoring.shared.application.Generations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generation pointer in {@code scoring_generations} ({@code _id: "pointer"}), cached per replica for
 * {@code govinfo.scoring.generation-cache} (1 s), and the collections of each generation: {@code item_scores} and
 * {@code units} for generation 0, {@code item_scores_g<n>} and {@code units_g<n>} for generation n.
 */
@Repository
class MongoGenerations implements Generations, OutboxCollections {

    static final String COLLECTION = "scoring_generations";
    private static final String ID = "pointer";
    private static final Pattern SUFFIXED = Pattern.compile("(?:item_scores|units)_g(\\d+)");

    private final MongoTemplate mongo;
    private final long cacheNanos;
    private final List<Runnable> onLiveChange = new CopyOnWriteArrayList<>();
    private volatile Cached cached;

    private record Cached(GenerationPointer pointer, long readAt) {
    }

    MongoGenerations(MongoTemplate mongo, @Value("${govinfo.scoring.generation-cache:1s}") Duration cache) {
        this.mongo = mongo;
        this.cacheNanos = cache.toNanos();
    }

    static String items(long generation) {
        return generation == 0 ? MongoItemScoreStore.COLLECTION : MongoItemScoreStore.COLLECTION + "_g" + generation;
    }

    static String units(long generation) {
        return generation == 0 ? MongoUnitStore.COLLECTION : MongoUnitStore.COLLECTION + "_g" + generation;
    }

    @Override
    public GenerationPointer read() {
        Document d = pointers().find(Filters.eq("_id", ID)).first();
        GenerationPointer pointer;
        if (d == null) {
            pointer = GenerationPointer.initial(MongoItemScoreStore.legacyReplayCounter(mongo));
            try {
                pointers().insertOne(document(pointer));
            } catch (com.mongodb.MongoWriteException | DuplicateKeyException e) {
                return read(); // another replica created it first
            }
        } else {
            pointer = pointer(d);
        }
        remember(pointer);
        return pointer;
    }

    @Override
    public GenerationPointer current() {
        Cached c = cached;
        if (c == null || System.nanoTime() - c.readAt() >= cacheNanos) {
            return read();
        }
        return c.pointer();
    }

    @Override
    public boolean replace(GenerationPointer expected, GenerationPointer next) {
        boolean replaced = pointers().replaceOne(Filters.and(Filters.eq("_id", ID),
                Filters.eq("revision", expected.revision())), document(next)).getMatchedCount() == 1;
        if (replaced) {
            remember(next);
        }
        return replaced;
    }

    @Override
    public void whenLiveChanges(Runnable action) {
        onLiveChange.add(action);
    }

    private void remember(GenerationPointer pointer) {
        Cached before = cached;
        cached = new Cached(pointer, System.nanoTime());
        if (before != null && before.pointer().live() != pointer.live()) {
            onLiveChange.forEach(Runnable::run);
        }
    }

    /**
     * Idempotent: live ingestion writes into a claimed build as soon as it sees the claim, and a write creates the
     * collection, so the build's own creation may come second.
     */
    @Override
    public void create(long generation) {
        createIfAbsent(items(generation));
        MongoItemScoreStore.createIndexes(mongo, items(generation));
        createIfAbsent(units(generation));
    }

    private void createIfAbsent(String collection) {
        if (!mongo.collectionExists(collection)) {
            try {
                mongo.createCollection(collection);
            } catch (RuntimeException e) {
                if (!mongo.collectionExists(collection)) {
                    throw e; // not the race with a first write
                }
            }
        }
    }

    @Override
    public void drop(long generation) {
        mongo.dropCollection(items(generation));
        mongo.dropCollection(units(generation));
    }

    @Override
    public Set<Long> stored() {
        Set<Long> out = new TreeSet<>();
        for (String name : mongo.getCollectionNames()) {
            Matcher m = SUFFIXED.matcher(name);
            if (m.matches()) {
                out.add(Long.parseLong(m.group(1)));
            } else if (name.equals(items(0)) || name.equals(units(0))) {
                out.add(0L);
            }
        }
        return out;
    }

    /**
     * Every item collection there is, for the outbox relay: the live one's, and what is left in an old one until it
     * is dropped. Not the one being built: it publishes nothing, and the relay's pending filter scans a collection
     * on the devstack's wire server, every pass, while the build fills it (docs/performance.md). Once live (the
     * cached pointer is at most a second behind) it is relayed from.
     */
    @Override
    public List<String> collections() {
        GenerationPointer pointer = current();
        Long building = pointer.building();
        return stored().stream().filter(g -> building == null || g != building.longValue() || g == pointer.live())
                .map(MongoGenerations::items).toList();
    }

    private MongoCollection<Document> pointers() {
        return mongo.getCollection(COLLECTION);
    }

    private static Document document(GenerationPointer p) {
        return new Document("_id", ID).append("revision", p.revision()).append("live", p.live())
                .append("building", p.building()).append("claimedBy", p.claimedBy())
                .append("leaseUntil", date(p.leaseUntil())).append("requestedBy", p.requestedBy())
                .append("startedAt", date(p.startedAt())).append("finishedAt", date(p.finishedAt()))
                .append("state", p.state().name()).append("eventsRead", p.eventsRead()).append("items", p.items())
                .append("message", p.message()).append("highest", p.highest()).append("legacy", p.legacy())
                .append("previous", p.previous()).append("previousUntil", date(p.previousUntil()));
    }

    private static GenerationPointer pointer(Document d) {
        Number building = (Number) d.get("building");
        Number previous = (Number) d.get("previous");
        return new GenerationPointer(number(d, "revision"), number(d, "live"),
                building == null ? null : building.longValue(), d.getString("claimedBy"),
                instant(d.getDate("leaseUntil")), d.getString("requestedBy"), instant(d.getDate("startedAt")),
                instant(d.getDate("finishedAt")), GenerationPointer.State.valueOf(d.getString("state")),
                number(d, "eventsRead"), number(d, "items"), d.getString("message"), number(d, "highest"),
                number(d, "legacy"), previous == null ? null : previous.longValue(),
                instant(d.getDate("previousUntil")));
    }

    private static long number(Document d, String field) {
        Object v = d.get(field);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
