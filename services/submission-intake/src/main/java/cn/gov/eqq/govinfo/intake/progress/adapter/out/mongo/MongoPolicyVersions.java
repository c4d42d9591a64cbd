package cn.gov.eqq.govinfo.intake.progress.adapter.out.mongo;

import cn.gov.eqq.govinfo.intake.progress.application.PolicyVersions;
import cn.gov.eqq.govinfo.intake.progress.domain.QuotaVersion;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collection {@code policy_quotas}: one document per policy version ({@code _id} = version name) with its effective
 * date and monthly quota by group (keys are the group numbers as strings). A version is a fact kept whole, so an
 * upsert of the same values on redelivery, or by two replicas, changes nothing.
 */
@Component
class MongoPolicyVersions implements PolicyVersions {

    static final String COLLECTION = "policy_quotas";

    private final MongoTemplate mongo;

    MongoPolicyVersions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void added(QuotaVersion version) {
        Document quota = new Document();
        new TreeMap<>(version.monthlyQuota()).forEach((group, items) -> quota.append(Integer.toString(group), items));
        mongo.upsert(new Query(Criteria.where("_id").is(version.version())),
                new Update().set("effectiveFrom", version.effectiveFrom().toString()).set("monthlyQuota", quota),
                COLLECTION);
    }

    @Override
    public List<QuotaVersion> all() {
        return mongo.findAll(Document.class, COLLECTION).stream().map(d -> {
            Map<Integer, Integer> quota = new TreeMap<>();
            Document q = d.get("monthlyQuota", Document.class);
            if (q != null) {
                q.forEach((group, items) -> quota.put(Integer.parseInt(group), ((Number) items).intValue()));
            }
            return new QuotaVersion(d.getString("_id"), LocalDate.parse(d.getString("effectiveFrom")), quota);
        }).toList();
    }
}
