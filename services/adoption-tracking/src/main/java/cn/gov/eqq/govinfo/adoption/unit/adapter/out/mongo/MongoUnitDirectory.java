package cn.gov.eqq.govinfo.adoption.unit.adapter.out.mongo;

import cn.gov.eqq.govinfo.adoption.unit.application.UnitDirectory;
import cn.gov.eqq.govinfo.adoption.unit.domain.ReportingUnit;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

@Repository
class MongoUnitDirectory implements UnitDirectory {

    static final String COLLECTION = "units";

    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record UnitDocument(@Id String id, String name, int group, boolean active, Instant changedAt) {
    }

    private final MongoTemplate mongo;

    MongoUnitDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void apply(ReportingUnit unit) {
        UnitDocument held = mongo.findById(unit.unitId(), UnitDocument.class);
        if (held != null && held.changedAt() != null && unit.changedAt() != null
                && held.changedAt().isAfter(unit.changedAt())) {
            return; // a replayed older state of the compacted topic
        }
        mongo.upsert(new Query(Criteria.where("_id").is(unit.unitId())), new Update()
                .set("name", unit.name()).set("group", unit.group()).set("active", unit.active())
                .set("changedAt", unit.changedAt()), UnitDocument.class);
    }

    @Override
    public Optional<String> nameOf(String unitId) {
        return Optional.ofNullable(mongo.findById(unitId, UnitDocument.class)).map(UnitDocument::name);
    }

    @Override
    public Optional<String> idOf(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        String text = idOrName.strip();
        if (mongo.findById(text, UnitDocument.class) != null) {
            return Optional.of(text);
        }
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("name").is(text)), UnitDocument.class))
                .map(UnitDocument::id);
    }
}
