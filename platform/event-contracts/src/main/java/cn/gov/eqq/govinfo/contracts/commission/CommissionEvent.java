package cn.gov.eqq.govinfo.contracts.commission;

import cn.gov.eqq.govinfo.contracts.IntegrationEvent;

/** Commissions (约稿) as told by commission-tasking on {@link cn.gov.eqq.govinfo.contracts.Topics#COMMISSIONS}. */
public sealed interface CommissionEvent extends IntegrationEvent
        permits CommissionIssued, CommissionAnswerJudged, CommissionAnswered, CommissionAnswerVoided,
        CommissionOverdue, CommissionReminderSent {

    String commissionId();

    @Override
    default String aggregateKey() {
        return commissionId();
    }
}
