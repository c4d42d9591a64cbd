package cn.gov.eqq.govinfo.reporting.shared.adapter.out.mongo;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The monotonic sequence of a dashboard feed, kept in one MongoDB document per feed ({@code feed_sequences},
 * {@code {_id: feed, seq, inflight: [{seq, at}]}}), so that every replica draws from the same counter without a
 * multi-document transaction (docs/adr/0008).
 * <p>
 * A writer {@link #keep takes} the next number and marks it in flight in one conditional single-document update,
 * writes its record with that number, and then takes the mark away. A reader reads only up to the {@link #horizon}:
 * below the lowest number still in flight, so a record written late with a lower number than one already read is
 * never passed over. A mark older than {@link #STALE_AFTER} (a writer that died between the two steps) no longer
 * holds the horizon back.
 */
@Component
public class FeedSequence {

    static final String COLLECTION = "feed_sequences";
    /** Longer than any single keep takes; a crashed writer holds its feed back for at most this long. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final MongoTemplate mongo;
    private final Clock clock;

    public FeedSequence(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Takes the next number of {@code feed}, runs {@code write} with it (which stores it on the record in the
     * record's own single-document write, and says whether it wrote), and releases the number.
     *
     * @return whether {@code write} wrote
     */
    public boolean keep(String feed, LongPredicate write) {
        long seq = take(feed);
        try {
            return write.test(seq);
        } finally {
            mongo.updateFirst(new Query(Criteria.where("_id").is(feed)),
                    new Update().pull("inflight", new Document("seq", seq)), COLLECTION);
        }
    }

    /** The highest number up to which every record of {@code feed} is written (0 before the first keep). */
    public long horizon(String feed) {
        Document counter = mongo.findById(feed, Document.class, COLLECTION);
        if (counter == null) {
            return 0;
        }
        long seq = ((Number) counter.get("seq")).longValue();
        Instant staleBefore = clock.instant().minus(STALE_AFTER);
        long lowestInFlight = counter.getList("inflight", Document.class, List.of()).stream()
                .filter(d -> d.getDate("at").toInstant().isAfter(staleBefore))
                .mapToLong(d -> ((Number) d.get("seq")).longValue()).min().orElse(Long.MAX_VALUE);
        return Math.min(seq, lowestInFlight - 1);
    }

    /** Compare-and-set on the counter: the number and its in-flight mark are one single-document update. */
    private long take(String feed) {
        while (true) {
            Document counter = mongo.findById(feed, Document.class, COLLECTION);
            if (counter == null) {
                try {
                    mongo.insert(new Document("_id", feed).append("seq", 0L).append("inflight", List.of()),
                            COLLECTION);
                } catch (org.springframework.dao.DuplicateKeyException createdByAnother) {
                    // another replica created it first
                }
                continue;
            }
            long current = ((Number) counter.get("seq")).longValue();
            long next = current + 1;
            Update update = new Update().set("seq", next)
                    .push("inflight", new Document("seq", next).append("at", Date.from(clock.instant())));
            if (mongo.updateFirst(new Query(Criteria.where("_id").is(feed).and("seq").is(current)), update,
                    COLLECTION).getModifiedCount() == 1) {
                return next;
            }
        }
    }
}
