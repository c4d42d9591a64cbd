package cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo;

import cn.gov.eqq.govinfo.commission.tasking.application.CommissionImportStore;
import cn.gov.eqq.govinfo.commission.tasking.domain.Deadline;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommission;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommissionRow;
import cn.gov.eqq.govinfo.platform.work.MongoBatchLeases;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Collection {@code commission_imports}: one document per import (keyed by its content's hash) with what was sent
 * ({@code input}: the JSON commissions, or {@code csv}: the file's text), its state and progress, the lease of the
 * replica working on it ({@code claimedBy}, {@code claimUntil}) and, from the commit on, every checked commission
 * ({@code commissions}). {@code startedAt}, {@code finishedAt} and the commissions' instants are ISO-8601 strings, as
 * in {@code commissions}, so a deadline comes back to the nanosecond; {@code claimUntil} is a date.
 * <p>
 * Documents written before imports ran in the background were stored only once checked: they have the
 * commissions and {@code done}, and no {@code state}. Done ones read as DONE, the others as WRITING with nothing
 * recorded as written, and are finished like any committed batch (tolerant reading, no migration).
 */
public class MongoCommissionImportStore implements CommissionImportStore {

    public static final String COLLECTION = "commission_imports";

    private final MongoTemplate mongo;
    private final MongoBatchLeases leases;

    public MongoCommissionImportStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.leases = new MongoBatchLeases(mongo, COLLECTION);
    }

    @Override
    public Optional<Batch> find(String batchId) {
        return Optional.ofNullable(mongo.findById(batchId, Document.class, COLLECTION))
                .map(MongoCommissionImportStore::toBatch);
    }

    @Override
    public boolean accept(Batch b) {
        Document d = new Document("_id", b.id()).append("fileName", b.fileName())
                .append("input", b.input().commissions().stream().map(MongoCommissionImportStore::toDocument).toList())
                .append("csv", b.input().csv())
                .append("importedBy", b.importedBy()).append("origin", b.origin())
                .append("startedAt", b.startedAt().toString()).append("state", State.QUEUED.name())
                .append("done", false).append("rows", b.rows()).append("checked", 0).append("written", 0)
                .append("added", 0).append("alreadyPresent", 0).append("errorCount", 0);
        try {
            mongo.insert(d, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean requeue(String batchId, String importedBy, String origin, Instant at) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(batchId).and("state").is(State.FAILED.name())),
                new Update().set("state", State.QUEUED.name()).set("importedBy", importedBy).set("origin", origin)
                        .set("startedAt", at.toString()).set("checked", 0).set("errorCount", 0)
                        .unset("errors").unset("finishedAt").unset("claimedBy").unset("claimUntil"),
                COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public Optional<Batch> claimNext(String worker, Instant now, Instant leaseUntil) {
        return leases.claimNext(worker, now, leaseUntil).map(MongoCommissionImportStore::toBatch);
    }

    @Override
    public boolean commit(String batchId, String worker, int rows, List<PastCommission> commissions,
                          Instant leaseUntil) {
        return held(batchId, worker, new Update().set("state", State.WRITING.name()).set("rows", rows)
                .set("checked", rows)
                .set("commissions", commissions.stream().map(MongoCommissionImportStore::toDocument).toList())
                .set("claimUntil", Date.from(leaseUntil)));
    }

    @Override
    public boolean written(String batchId, String worker, int written, int added, int alreadyPresent,
                           Instant leaseUntil) {
        return leases.written(batchId, worker, written, added, alreadyPresent, leaseUntil);
    }

    @Override
    public boolean fail(String batchId, String worker, int rows, int errorCount, List<RowError> errors, Instant at) {
        return held(batchId, worker, new Update().set("state", State.FAILED.name()).set("rows", rows)
                .set("checked", rows).set("errorCount", errorCount)
                .set("errors", errors.stream().map(e -> new Document("row", e.row()).append("column", e.column())
                        .append("field", e.field()).append("message", e.message())).toList())
                .set("finishedAt", at.toString()).unset("claimedBy").unset("claimUntil"));
    }

    @Override
    public boolean finish(String batchId, String worker, int added, int alreadyPresent, Instant at) {
        return held(batchId, worker, new Update().set("state", State.DONE.name()).set("done", true)
                .set("added", added).set("alreadyPresent", alreadyPresent).set("finishedAt", at.toString())
                .unset("claimedBy").unset("claimUntil"));
    }

    @Override
    public List<Batch> recent(int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(limit);
        query.fields().exclude("input").exclude("csv").exclude("errors");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(d -> {
                    Batch b = toBatch(d);
                    return new Batch(b.id(), b.fileName(), b.input(), b.importedBy(), b.origin(), b.startedAt(),
                            b.state(), b.rows(), b.checked(), b.written(), b.added(), b.alreadyPresent(),
                            b.errorCount(), b.errors(), List.of(), b.commissionIds(), b.finishedAt());
                }).toList();
    }

    private boolean held(String batchId, String worker, Update update) {
        return leases.held(batchId, worker, update);
    }

    private static Document toDocument(PastCommissionRow r) {
        return new Document("id", r.id()).append("title", r.title()).append("requirements", r.requirements())
                .append("targetUnitIds", r.targetUnitIds()).append("issuedAt", r.issuedAt())
                .append("deadline", r.deadline())
                .append("answers", r.answers().stream().map(a -> new Document("unitId", a.unitId())
                        .append("itemId", a.itemId()).append("revision", a.revision())
                        .append("answeredAt", a.answeredAt()).append("accepted", a.accepted())
                        .append("reason", a.reason()).append("judgedAt", a.judgedAt())).toList());
    }

    private static PastCommissionRow toRow(Document d) {
        return new PastCommissionRow(d.getString("id"), d.getString("title"), d.getString("requirements"),
                d.getList("targetUnitIds", String.class, List.of()), d.getString("issuedAt"), d.getString("deadline"),
                d.getList("answers", Document.class, List.of()).stream()
                        .map(a -> new PastCommissionRow.Answer(a.getString("unitId"), a.getString("itemId"),
                                a.getInteger("revision"), a.getString("answeredAt"), a.getBoolean("accepted"),
                                a.getString("reason"), a.getString("judgedAt"))).toList());
    }

    private static Document toDocument(PastCommission c) {
        return new Document("id", c.id()).append("title", c.title()).append("requirements", c.requirements())
                .append("targetUnitIds", c.targetUnitIds()).append("issuedAt", c.issuedAt().toString())
                .append("deadline", c.deadline().instant().toString())
                .append("answers", c.answers().stream().map(a -> new Document("unitId", a.unitId())
                        .append("itemId", a.itemId()).append("revision", a.revision())
                        .append("answeredAt", a.answeredAt().toString()).append("accepted", a.accepted())
                        .append("reason", a.reason())
                        .append("judgedAt", a.judgedAt() == null ? null : a.judgedAt().toString())).toList());
    }

    private static PastCommission toCommission(Document d) {
        List<PastCommission.Answer> answers = d.getList("answers", Document.class, List.of()).stream()
                .map(a -> new PastCommission.Answer(a.getString("unitId"), a.getString("itemId"),
                        a.getInteger("revision", 1), Instant.parse(a.getString("answeredAt")),
                        a.getBoolean("accepted"), a.getString("reason"),
                        a.getString("judgedAt") == null ? null : Instant.parse(a.getString("judgedAt"))))
                .toList();
        return new PastCommission(d.getString("id"), d.getString("title"), d.getString("requirements"),
                d.getList("targetUnitIds", String.class, List.of()), Instant.parse(d.getString("issuedAt")),
                new Deadline(Instant.parse(d.getString("deadline"))), answers);
    }

    private static Batch toBatch(Document d) {
        boolean done = Boolean.TRUE.equals(d.getBoolean("done"));
        String state = d.getString("state");
        List<PastCommission> commissions = d.getList("commissions", Document.class, List.of()).stream()
                .map(MongoCommissionImportStore::toCommission).toList();
        // a document from before the background import holds only checked commissions: its rows are theirs
        int rows = d.getInteger("rows", commissions.size());
        List<RowError> errors = d.getList("errors", Document.class, List.of()).stream()
                .map(e -> new RowError(e.getInteger("row", 0), e.getString("column"), e.getString("field"),
                        e.getString("message"))).toList();
        String finished = d.getString("finishedAt");
        return new Batch(d.getString("_id"), d.getString("fileName"),
                new Input(d.getList("input", Document.class, List.of()).stream()
                        .map(MongoCommissionImportStore::toRow).toList(), d.getString("csv")),
                d.getString("importedBy"), d.getString("origin"), Instant.parse(d.getString("startedAt")),
                state != null ? State.valueOf(state) : done ? State.DONE : State.WRITING, rows,
                d.getInteger("checked", state == null ? rows : 0), d.getInteger("written", done ? rows : 0),
                d.getInteger("added", 0), d.getInteger("alreadyPresent", 0), d.getInteger("errorCount", 0), errors,
                commissions, commissions.stream().map(PastCommission::id).toList(),
                finished == null ? null : Instant.parse(finished));
    }
}
