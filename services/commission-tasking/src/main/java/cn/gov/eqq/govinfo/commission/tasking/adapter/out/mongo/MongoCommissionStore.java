package cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo;

import cn.gov.eqq.govinfo.commission.tasking.application.CommissionStore;
import cn.gov.eqq.govinfo.commission.tasking.domain.Answer;
import cn.gov.eqq.govinfo.commission.tasking.domain.Commission;
import cn.gov.eqq.govinfo.commission.tasking.domain.Deadline;
import cn.gov.eqq.govinfo.commission.tasking.domain.Judgement;
import cn.gov.eqq.govinfo.commission.tasking.domain.MailDelivery;
import cn.gov.eqq.govinfo.commission.tasking.domain.MailStatus;
import cn.gov.eqq.govinfo.commission.tasking.domain.Reminder;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntryDocuments;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * One document per commission in {@code commissions}, with its answers, its reminders (claims, notices and e-mail
 * state) and its outbox. Instants are kept as ISO-8601 strings so they come back to the nanosecond; the deadline is
 * kept as the Beijing minute the room entered, plus a date for queries.
 * <p>
 * Writes {@code $set} the state and {@code $push} new outbox entries, conditional on {@code version}; they never
 * touch the outbox entries already there nor the relay's claim fields.
 */
public class MongoCommissionStore implements CommissionStore {

    public static final String COLLECTION = "commissions";

    private final MongoTemplate mongo;

    public MongoCommissionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("targetUnitIds", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("answers.itemId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("deadline", Sort.Direction.ASC));
    }

    @Override
    public Optional<Commission> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(MongoCommissionStore::toDomain);
    }

    @Override
    public Optional<Commission> findByAnswerItem(String itemId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("answers.itemId").is(itemId)),
                Document.class, COLLECTION)).map(MongoCommissionStore::toDomain);
    }

    @Override
    public void insert(Commission commission, List<OutboxEntry> outbox) {
        mongo.insert(newDocument(commission, outbox), COLLECTION);
    }

    private static Document newDocument(Commission commission, List<OutboxEntry> outbox) {
        Document doc = state(commission);
        doc.put("_id", commission.id());
        doc.put("version", 1L);
        doc.put("outbox", outbox.stream().map(OutboxEntryDocuments::toDocument).toList());
        return doc;
    }

    @Override
    public Imported insertImported(Commission commission, List<OutboxEntry> outbox, String batchId) {
        // the batch's mark tells a worker that takes the import over which commissions its predecessor wrote
        // published after the live commissions and paced, not all at once (OutboxRelay)
        Document doc = newDocument(commission, outbox).append("importBatch", batchId).append(OutboxRelay.BULK, true);
        try {
            mongo.insert(doc, COLLECTION);
            return Imported.ADDED;
        } catch (DuplicateKeyException e) {
            Document there = mongo.findById(commission.id(), Document.class, COLLECTION);
            return there != null && batchId.equals(there.getString("importBatch"))
                    ? Imported.ADDED_BY_THIS_IMPORT_BEFORE : Imported.PRESENT;
        }
    }

    @Override
    public boolean update(Commission commission, List<OutboxEntry> outbox) {
        Update update = new Update();
        state(commission).forEach(update::set);
        update.set("version", commission.version() + 1);
        if (!outbox.isEmpty()) {
            update.push("outbox").each(outbox.stream().map(OutboxEntryDocuments::toDocument).toArray());
        }
        UpdateResult result = mongo.updateFirst(
                new Query(Criteria.where("_id").is(commission.id()).and("version").is(commission.version())),
                update, COLLECTION);
        return result.getMatchedCount() == 1;
    }

    @Override
    public List<Commission> list(String targetUnitId, Instant deadlineFrom, Instant deadlineUntil) {
        Criteria criteria = new Criteria();
        List<Criteria> parts = new ArrayList<>();
        if (targetUnitId != null) {
            parts.add(Criteria.where("targetUnitIds").is(targetUnitId));
        }
        if (deadlineFrom != null) {
            parts.add(Criteria.where("deadline").gte(Date.from(deadlineFrom)));
        }
        if (deadlineUntil != null) {
            parts.add(Criteria.where("deadline").lt(Date.from(deadlineUntil)));
        }
        if (!parts.isEmpty()) {
            criteria = criteria.andOperator(parts.toArray(Criteria[]::new));
        }
        Query query = new Query(criteria).with(Sort.by(Sort.Direction.DESC, "deadline"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoCommissionStore::toDomain).toList();
    }

    @Override
    public List<String> idsToSweep(Instant horizon) {
        Query query = new Query(Criteria.where("remindersDone").is(false).and("deadline").lt(Date.from(horizon)));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    @Override
    public List<String> idsWithMailPending() {
        Query query = new Query(Criteria.where("mailPending").is(true));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    private static Document state(Commission c) {
        Document doc = new Document();
        doc.put("title", c.title());
        doc.put("requirements", c.requirements());
        doc.put("targetUnitIds", c.targetUnitIds());
        doc.put("deadlineBeijing", c.deadline().beijingMinute().toString());
        doc.put("deadline", Date.from(c.deadline().instant()));
        doc.put("issuedBy", c.issuedBy());
        doc.put("issuedAt", str(c.issuedAt()));
        doc.put("answers", c.answers().stream().map(MongoCommissionStore::answer).toList());
        doc.put("reminders", c.reminders().stream().map(MongoCommissionStore::reminder).toList());
        doc.put("remindersDone", c.remindersDone());
        // a flag instead of a query into the reminders array: cheap to index, and what the sender polls
        doc.put("mailPending", c.reminders().stream().anyMatch(r -> r.mail().status() == MailStatus.PENDING
                || r.mail().status() == MailStatus.SENDING));
        return doc;
    }

    private static Document answer(Answer a) {
        Document d = new Document("itemId", a.itemId()).append("unitId", a.unitId()).append("revision", a.revision())
                .append("submittedAt", str(a.submittedAt())).append("received", a.received());
        if (a.judgement() != null) {
            Judgement j = a.judgement();
            d.append("judgement", new Document("accepted", j.accepted()).append("reason", j.reason())
                    .append("judgedBy", j.judgedBy()).append("judgedAt", str(j.judgedAt())));
        }
        return d.append("voidedReason", a.voidedReason()).append("voidedAt", str(a.voidedAt()));
    }

    private static Document reminder(Reminder r) {
        MailDelivery m = r.mail();
        return new Document("kind", r.kind()).append("unitId", r.unitId()).append("postedAt", str(r.postedAt()))
                .append("subject", r.subject()).append("message", r.message())
                .append("mail", new Document("status", m.status().name()).append("to", m.to())
                        .append("attempts", m.attempts()).append("leaseUntil", str(m.leaseUntil()))
                        .append("sentAt", str(m.sentAt())).append("lastError", m.lastError()));
    }

    static Commission toDomain(Document d) {
        List<Answer> answers = d.getList("answers", Document.class, List.of()).stream().map(a -> {
            Document j = a.get("judgement", Document.class);
            Judgement judgement = j == null ? null : new Judgement(j.getBoolean("accepted"), j.getString("reason"),
                    j.getString("judgedBy"), instant(j.getString("judgedAt")));
            return new Answer(a.getString("itemId"), a.getString("unitId"), a.getInteger("revision"),
                    instant(a.getString("submittedAt")), a.getBoolean("received", false), judgement,
                    a.getString("voidedReason"), instant(a.getString("voidedAt")));
        }).toList();
        List<Reminder> reminders = d.getList("reminders", Document.class, List.of()).stream().map(r -> {
            Document m = r.get("mail", Document.class);
            MailDelivery mail = new MailDelivery(MailStatus.valueOf(m.getString("status")), m.getString("to"),
                    m.getInteger("attempts", 0), instant(m.getString("leaseUntil")), instant(m.getString("sentAt")),
                    m.getString("lastError"));
            return new Reminder(r.getString("kind"), r.getString("unitId"), instant(r.getString("postedAt")),
                    r.getString("subject"), r.getString("message"), mail);
        }).toList();
        Number version = d.get("version", Number.class);
        return Commission.restore(d.getString("_id"), d.getString("title"), d.getString("requirements"),
                d.getList("targetUnitIds", String.class, List.of()),
                Deadline.ofBeijingMinute(LocalDateTime.parse(d.getString("deadlineBeijing"))),
                d.getString("issuedBy"), instant(d.getString("issuedAt")), answers, reminders,
                d.getBoolean("remindersDone", false), version == null ? 0 : version.longValue());
    }

    private static String str(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
