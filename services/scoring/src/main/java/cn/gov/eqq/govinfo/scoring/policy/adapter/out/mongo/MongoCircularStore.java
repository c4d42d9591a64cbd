package cn.gov.eqq.govinfo.scoring.policy.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.scoring.policy.application.CircularStore;
import cn.gov.eqq.govinfo.scoring.rules.domain.PublishedCircular;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * Published circulars ({@code published_circulars}), one document per series: a correction (a higher version)
 * replaces the title and document number, an older version arriving late changes nothing.
 */
@Repository
class MongoCircularStore implements CircularStore {

    static final String COLLECTION = "published_circulars";

    record CircularDocument(String id, String period, String title, String documentNumber, int version) {
    }

    private final MongoTemplate mongo;

    MongoCircularStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void published(PublishedCircular circular, int version) {
        // insert the series if new; overwrite only with a higher version
        mongo.upsert(Query.query(Criteria.where("_id").is(circular.seriesId())),
                new Update().setOnInsert("period", circular.period().toString()).setOnInsert("version", 0),
                COLLECTION);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(circular.seriesId()).and("version").lt(version)),
                new Update().set("title", circular.title()).set("documentNumber", circular.documentNumber())
                        .set("version", version), COLLECTION);
    }

    @Override
    public List<PublishedCircular> all() {
        return mongo.findAll(CircularDocument.class, COLLECTION).stream()
                .map(d -> new PublishedCircular(d.id(), ReportingPeriod.parse(d.period()), d.title(),
                        d.documentNumber()))
                .toList();
    }
}
