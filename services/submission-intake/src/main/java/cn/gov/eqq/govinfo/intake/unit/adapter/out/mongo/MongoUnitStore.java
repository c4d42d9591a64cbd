package cn.gov.eqq.govinfo.intake.unit.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.intake.shared.adapter.out.mongo.OutboxDocuments;
import cn.gov.eqq.govinfo.intake.unit.application.UnitStore;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.intake.unit.domain.Membership;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Collection {@code units}: one document per unit with its version and its outbox. */
@Component
class MongoUnitStore implements UnitStore {

    static final String COLLECTION = "units";

    private final MongoTemplate mongo;
    private final EventCodec codec;

    MongoUnitStore(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
    }

    @Override
    public List<Unit> findAll() {
        return mongo.findAll(Document.class, COLLECTION).stream().map(MongoUnitStore::toUnit).toList();
    }

    @Override
    public Optional<StoredUnit> find(String unitId) {
        Document d = mongo.findById(unitId, Document.class, COLLECTION);
        return d == null ? Optional.empty() : Optional.of(new StoredUnit(toUnit(d), d.get("version", Number.class).longValue()));
    }

    @Override
    public long count() {
        return mongo.getCollection(COLLECTION).countDocuments();
    }

    @Override
    public boolean insert(Unit unit, EventEnvelope<?> event) {
        List<Document> outbox = new ArrayList<>(List.of(OutboxDocuments.of(event, codec)));
        Document d = new Document("_id", unit.id()).append("name", unit.name()).append("group", unit.group())
                .append("active", unit.active()).append("memberships", spans(unit))
                .append("changedAt", Date.from(event.occurredAt()))
                .append("version", 0L).append("outbox", outbox);
        try {
            mongo.insert(d, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean update(Unit unit, long expectedVersion, EventEnvelope<?> event) {
        Query q = new Query(Criteria.where("_id").is(unit.id()).and("version").is(expectedVersion));
        Update u = new Update().set("name", unit.name()).set("group", unit.group()).set("active", unit.active())
                .set("memberships", spans(unit))
                .set("changedAt", Date.from(event.occurredAt())).inc("version", 1)
                .push("outbox", OutboxDocuments.of(event, codec));
        return mongo.updateFirst(q, u, COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public void publishAgain(String unitId, EventEnvelope<?> event) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(unitId)),
                new Update().push("outbox", OutboxDocuments.of(event, codec)), COLLECTION);
    }

    private static List<Document> spans(Unit unit) {
        return unit.memberships().stream().map(m -> new Document("group", m.group()).append("from", m.from().toString())
                .append("until", m.until() == null ? null : m.until().toString())).toList();
    }

    /**
     * A document written before memberships were kept (the 52 seeded units, units the administrator added) reads
     * as the unit contract reads such a record ({@link UnitChanged#history()}): a member of its group since 2022-07,
     * an inactive one until the month of its last change. The next change stores the spans.
     */
    private static Unit toUnit(Document d) {
        List<Membership> spans;
        List<Document> stored = d.getList("memberships", Document.class);
        if (stored != null) {
            spans = stored.stream().map(m -> new Membership(m.get("group", Number.class).intValue(),
                    YearMonth.parse(m.getString("from")),
                    m.getString("until") == null ? null : YearMonth.parse(m.getString("until")))).toList();
        } else {
            Date changedAt = d.getDate("changedAt");
            spans = new UnitChanged(d.getString("_id"), d.getString("name"), d.get("group", Number.class).intValue(),
                    Boolean.TRUE.equals(d.getBoolean("active")), changedAt == null ? null : changedAt.toInstant())
                    .history().stream().map(m -> new Membership(m.group(), YearMonth.parse(m.fromMonth()),
                            m.untilMonth() == null ? null : YearMonth.parse(m.untilMonth()))).toList();
        }
        if (spans.isEmpty()) { // deactivated before the appraisal began: no document of this system can be so old
            throw new IllegalStateException("unit " + d.getString("_id") + " was deactivated before 2022-07");
        }
        return new Unit(d.getString("_id"), d.getString("name"), spans);
    }
}
