package cn.gov.eqq.govinfo.intake.commission.adapter.out.mongo;

import cn.gov.eqq.govinfo.intake.commission.application.CommissionDirectory;
import cn.gov.eqq.govinfo.intake.commission.domain.CommissionTargets;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Collection {@code commissions}: one document per commission ({@code _id} = commission id) with its title and
 * target units. Every replica reads and writes the same documents; an upsert of the same values is harmless, so
 * redelivery and two replicas consuming in turn agree.
 */
@Component
class MongoCommissionDirectory implements CommissionDirectory {

    static final String COLLECTION = "commissions";

    private final MongoTemplate mongo;

    MongoCommissionDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<CommissionTargets> find(String commissionId) {
        Document d = mongo.findById(commissionId, Document.class, COLLECTION);
        if (d == null) {
            return Optional.empty();
        }
        List<String> units = d.getList("targetUnitIds", String.class, List.of());
        return Optional.of(new CommissionTargets(d.getString("_id"), d.getString("title"), new HashSet<>(units)));
    }

    @Override
    public void issued(CommissionTargets commission) {
        mongo.upsert(new Query(Criteria.where("_id").is(commission.commissionId())),
                new Update().set("title", commission.title())
                        .set("targetUnitIds", new ArrayList<>(new TreeSet<>(commission.unitIds()))),
                COLLECTION);
    }
}
