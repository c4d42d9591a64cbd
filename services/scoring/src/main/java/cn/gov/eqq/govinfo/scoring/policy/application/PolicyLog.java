package cn.gov.eqq.govinfo.scoring.policy.application;

import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;

import java.time.Instant;
import java.util.List;

/**
 * Port: the policy topic ({@code scoring.policy-events.v1}) read from its beginning, for a replay. The adapter
 * translates each {@code PolicyVersionAdded} into the version it adds.
 */
public interface PolicyLog {

    /** Every version ever added, in the order of the log. */
    List<AddedVersion> readAll();

    /** One version as the log holds it: the policy, who added it and when. */
    record AddedVersion(ScoringPolicy policy, String addedBy, Instant addedAt) {
    }
}
