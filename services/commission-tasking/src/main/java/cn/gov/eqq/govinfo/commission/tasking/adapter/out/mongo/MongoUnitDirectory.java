package cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo;

import cn.gov.eqq.govinfo.commission.tasking.application.UnitDirectory;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/** The local copy of the unit directory: the latest {@code UnitChanged} per unit wins, older ones are ignored. */
public class MongoUnitDirectory implements UnitDirectory {

    public static final String COLLECTION = "units";

    private final MongoTemplate mongo;

    public MongoUnitDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Unit> find(String unitId) {
        Document d = mongo.findById(unitId, Document.class, COLLECTION);
        return d == null ? Optional.empty()
                : Optional.of(new Unit(d.getString("_id"), d.getString("name"), d.getInteger("group", 0),
                d.getBoolean("active", false)));
    }

    /** Upserts a unit unless a newer change is already known (redelivery and reordering are harmless). */
    public void apply(String unitId, String name, int group, boolean active, Instant changedAt) {
        Document existing = mongo.findById(unitId, Document.class, COLLECTION);
        if (existing != null && existing.getDate("changedAt") != null
                && existing.getDate("changedAt").toInstant().isAfter(changedAt)) {
            return;
        }
        mongo.upsert(new Query(Criteria.where("_id").is(unitId)), new Update().set("name", name).set("group", group)
                .set("active", active).set("changedAt", Date.from(changedAt)), COLLECTION);
    }
}
