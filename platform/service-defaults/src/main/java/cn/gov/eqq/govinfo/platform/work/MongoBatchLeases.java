package cn.gov.eqq.govinfo.platform.work;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The lease and progress of import batches kept in their own documents (ADR 0022): states {@code QUEUED → CHECKING → FAILED |
 * WRITING → DONE}, the holder in {@code claimedBy} and the lease's end in {@code claimUntil} (a date). A batch is
 * claimed with one conditional {@code findAndModify}; every later write of the worker goes through {@link #held}, so
 * it lands only while the claim is still the worker's. A document from before imports ran in the background has no
 * {@code state}; one not {@code done} is open work too.
 */
public final class MongoBatchLeases {

    private final MongoTemplate mongo;
    private final String collection;

    public MongoBatchLeases(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /**
     * Claims the oldest (by {@code startedAt}) batch that is not finished and whose lease is absent or ran out; a
     * QUEUED one becomes CHECKING. @return the claimed document as it now is
     */
    public Optional<Document> claimNext(String worker, Instant now, Instant leaseUntil) {
        Criteria free = new Criteria().orOperator(Criteria.where("claimUntil").exists(false),
                Criteria.where("claimUntil").lt(Date.from(now)));
        Criteria open = new Criteria().orOperator(
                Criteria.where("state").in("QUEUED", "CHECKING", "WRITING"),
                new Criteria().andOperator(Criteria.where("state").exists(false), Criteria.where("done").is(false)));
        Document claimed = mongo.findAndModify(new Query(new Criteria().andOperator(open, free))
                        .with(Sort.by("startedAt")),
                new Update().set("claimedBy", worker).set("claimUntil", Date.from(leaseUntil)),
                FindAndModifyOptions.options().returnNew(true), Document.class, collection);
        if (claimed == null) {
            return Optional.empty();
        }
        if ("QUEUED".equals(claimed.getString("state"))
                && held(claimed.getString("_id"), worker, new Update().set("state", "CHECKING"))) {
            claimed.put("state", "CHECKING");
        }
        return Optional.of(claimed);
    }

    /**
     * After a recorded part: how far the batch got ({@code written}) and how it counted, renewing the lease.
     * @return false when the claim was lost
     */
    public boolean written(String batchId, String worker, int written, int added, int alreadyPresent,
                           Instant leaseUntil) {
        return held(batchId, worker, new Update().set("written", written).set("added", added)
                .set("alreadyPresent", alreadyPresent).set("claimUntil", Date.from(leaseUntil)));
    }

    /** Applies {@code update} if the batch is still claimed by {@code worker}. @return false when the claim was lost */
    public boolean held(String batchId, String worker, Update update) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(batchId).and("claimedBy").is(worker)), update,
                collection).getMatchedCount() == 1;
    }
}
