package cn.gov.eqq.govinfo.intake.commission.application;

import cn.gov.eqq.govinfo.intake.commission.domain.CommissionTargets;

import java.util.Optional;

/** Intake's copy of which units each commission was sent to, kept from commission-tasking's events. */
public interface CommissionDirectory {

    Optional<CommissionTargets> find(String commissionId);

    /** Records a commission's targets; idempotent (a redelivered event writes the same values again). */
    void issued(CommissionTargets commission);
}
