package cn.gov.eqq.govinfo.intake.unit.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.intake.shared.adapter.out.mongo.OutboxDocuments;
import cn.gov.eqq.govinfo.intake.unit.application.UnitStore;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

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
                .append("active", unit.active()).append("changedAt", Date.from(event.occurredAt()))
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
                .set("changedAt", Date.from(event.occurredAt())).inc("version", 1)
                .push("outbox", OutboxDocuments.of(event, codec));
        return mongo.updateFirst(q, u, COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public void publishAgain(String unitId, EventEnvelope<?> event) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(unitId)),
                new Update().push("outbox", OutboxDocuments.of(event, codec)), COLLECTION);
    }

    private static Unit toUnit(Document d) {
        return new Unit(d.getString("_id"), d.getString("name"), d.get("group", Number.class).intValue(),
                Boolean.TRUE.equals(d.getBoolean("active")));
    }
}
