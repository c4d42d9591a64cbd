package cn.gov.eqq.govinfo.intake.progress.application;

import cn.gov.eqq.govinfo.intake.progress.domain.QuotaVersion;

import java.util.List;

/** Port: intake's copy of the quotas of the policy versions scoring published (scoring.policy-events.v1). */
public interface PolicyVersions {

    /** Keeps a version; idempotent (a redelivered event writes the same values again). */
    void added(QuotaVersion version);

    List<QuotaVersion> all();
}
