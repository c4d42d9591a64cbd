package cn.gov.eqq.govinfo.intake.notice.adapter.out.mongo;

import cn.gov.eqq.govinfo.intake.notice.application.ReadMarks;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Collection {@code notice_reads}: one document per login name, {@code upTo} the instant up to which its notices are
 * read. Raised with {@code $max} in one upsert, so two devices marking at once keep the later mark.
 */
@Component
class MongoReadMarks implements ReadMarks {

    static final String COLLECTION = "notice_reads";

    private final MongoTemplate mongo;

    MongoReadMarks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Instant> upTo(String login) {
        Document d = mongo.findById(login, Document.class, COLLECTION);
        return Optional.ofNullable(d).map(x -> x.getDate("upTo")).map(Date::toInstant);
    }

    @Override
    public Instant raise(String login, Instant upTo) {
        Document d = mongo.findAndModify(new Query(Criteria.where("_id").is(login)),
                new Update().max("upTo", Date.from(upTo)),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return d.getDate("upTo").toInstant();
    }
}
