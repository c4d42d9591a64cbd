package cn.gov.eqq.govinfo.scoring.shared.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.scoring.shared.adapter.in.kafka.UnitTranslation;
import cn.gov.eqq.govinfo.scoring.shared.application.UnitStore;
import cn.gov.eqq.govinfo.scoring.rules.domain.Membership;
import cn.gov.eqq.govinfo.scoring.rules.domain.Unit;
import cn.gov.eqq.govinfo.scoring.rules.domain.UnitDirectory;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

@Repository
class MongoUnitStore implements UnitStore {

    static final String COLLECTION = "units";

    private final MongoTemplate mongo;

    private final MongoGenerations generations;
    /** null: the live generation, as the pointer says; else this generation. */
    private final Long fixed;

    @Autowired
    MongoUnitStore(MongoTemplate mongo, MongoGenerations generations) {
        this(mongo, generations, null);
    }

    private MongoUnitStore(MongoTemplate mongo, MongoGenerations generations, Long fixed) {
        this.mongo = mongo;
        this.generations = generations;
        this.fixed = fixed;
    }

    @Override
    public UnitStore inGeneration(long generation) {
        return new MongoUnitStore(mongo, generations, generation);
    }

    private String collection() {
        return MongoGenerations.units(fixed != null ? fixed : generations.current().live());
    }

    @Override
    public Optional<Unit> find(String unitId) {
        return Optional.ofNullable(mongo.findById(unitId, UnitDocument.class, collection())).map(MongoUnitStore::unit);
    }

    @Override
    public Map<String, Unit> findAll(Collection<String> unitIds) {
        Map<String, Unit> out = new HashMap<>();
        String collection = collection();
        for (java.util.List<String> ids : MongoItemScoreStore.inBatches(unitIds)) {
            mongo.find(Query.query(Criteria.where("_id").in(ids)), UnitDocument.class, collection)
                    .forEach(d -> out.put(d.id(), unit(d)));
        }
        return out;
    }

    @Override
    public void saveAll(Collection<Unit> units) {
        if (units.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, UnitDocument.class, collection());
        for (Unit u : units) {
            bulk.replaceOne(Query.query(Criteria.where("_id").is(u.unitId())),
                    new UnitDocument(u.unitId(), u.name(), u.group(), u.active(), u.changedAt(), u.memberships().stream()
                            .map(m -> new UnitDocument.MembershipDocument(m.group(), m.from().toString(),
                                    m.until() == null ? null : m.until().toString()))
                            .toList()),
                    FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
    }

    @Override
    public UnitDirectory directory() {
        return new UnitDirectory(mongo.findAll(UnitDocument.class, collection()).stream().map(MongoUnitStore::unit)
                .toList());
    }

    private static Unit unit(UnitDocument d) {
        if (d.memberships() == null) { // stored before memberships were kept: read as the contract reads it
            return UnitTranslation.unitOf(new UnitChanged(d.id(), d.name(), d.group(), d.active(), d.changedAt()));
        }
        return new Unit(d.id(), d.name(), d.group(), d.active(), d.changedAt(), d.memberships().stream()
                .map(m -> new Membership(m.group(), ReportingPeriod.parse(m.from()), m.until() == null ? null
                        : ReportingPeriod.parse(m.until())))
                .toList());
    }
}
