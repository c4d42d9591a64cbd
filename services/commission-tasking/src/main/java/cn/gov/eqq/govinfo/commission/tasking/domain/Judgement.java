package cn.gov.eqq.govinfo.commission.tasking.domain;

import java.time.Instant;

/** The room's verdict on an answer: accepted as meeting the request, or rejected with a reason. */
public record Judgement(boolean accepted, String reason, String judgedBy, Instant judgedAt) {
}
