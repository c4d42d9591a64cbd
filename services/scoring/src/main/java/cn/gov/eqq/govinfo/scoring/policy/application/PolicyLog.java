package cn.gov.eqq.govinfo.scoring.policy.application;

import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;

import java.util.List;

/** Port: the policy topic ({@code scoring.policy-events.v1}) read from its beginning, for a replay. */
public interface PolicyLog {

    /** Every version ever added, in the order of the log. */
    List<PolicyVersionAdded> readAll();
}
