package cn.gov.eqq.govinfo.intake.item.adapter.out.mongo;

import cn.gov.eqq.govinfo.intake.item.application.PublishedCircularStore;
import cn.gov.eqq.govinfo.intake.item.domain.PublishedCircular;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.Optional;

/**
 * Published circulars ({@code published_circulars}), one document per series: a correction of the circular (a
 * higher version) replaces its title and document number, an older version arriving late changes nothing.
 */
@Repository
class MongoPublishedCircularStore implements PublishedCircularStore {

    static final String COLLECTION = "published_circulars";

    private final MongoTemplate mongo;

    MongoPublishedCircularStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void published(PublishedCircular circular, int version) {
        // insert the series if new; overwrite only with a higher version (both steps are idempotent)
        mongo.upsert(Query.query(Criteria.where("_id").is(circular.seriesId())),
                new Update().setOnInsert("period", circular.period()).setOnInsert("version", 0), COLLECTION);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(circular.seriesId()).and("version").lt(version)),
                new Update().set("title", circular.title()).set("documentNumber", circular.documentNumber())
                        .set("version", version), COLLECTION);
    }

    @Override
    public Optional<PublishedCircular> covering(Collection<String> periods) {
        Query q = Query.query(Criteria.where("period").in(periods).and("version").gt(0))
                .with(Sort.by("period", "_id")).limit(1);
        return Optional.ofNullable(mongo.findOne(q, Document.class, COLLECTION))
                .map(d -> new PublishedCircular(d.getString("_id"), d.getString("period"), d.getString("title"),
                        d.getString("documentNumber")));
    }
}
