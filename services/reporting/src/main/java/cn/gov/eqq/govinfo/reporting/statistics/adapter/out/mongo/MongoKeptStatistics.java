package cn.gov.eqq.govinfo.reporting.statistics.adapter.out.mongo;

import cn.gov.eqq.govinfo.reporting.statistics.application.KeptStatistics;
import cn.gov.eqq.govinfo.reporting.statistics.domain.UnitMonthStatistics;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Optional;

/**
 * One document per key (period and unit) in {@code kept_statistics}: the reading as JSON (topic names may hold
 * characters a MongoDB field name may not), the facts revision and the minute it was computed at.
 */
public class MongoKeptStatistics implements KeptStatistics {

    static final String COLLECTION = "kept_statistics";
    private static final TypeReference<List<UnitMonthStatistics>> READING = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final JsonMapper json = JsonMapper.builder().build();

    public MongoKeptStatistics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<List<UnitMonthStatistics>> find(String key, long revision, String minute) {
        Document d = mongo.findById(key, Document.class, COLLECTION);
        if (d == null || d.get("revision", Number.class).longValue() != revision || !minute.equals(d.getString("minute"))) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(d.getString("json"), READING));
    }

    @Override
    public void keep(String key, long revision, String minute, List<UnitMonthStatistics> statistics) {
        Document d = new Document("_id", key).append("revision", revision).append("minute", minute)
                .append("json", json.writeValueAsString(statistics));
        mongo.findAndReplace(new Query(Criteria.where("_id").is(key)), d, FindAndReplaceOptions.options().upsert(),
                Document.class, COLLECTION, Document.class);
    }
}
