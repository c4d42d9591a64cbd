package cn.gov.eqq.govinfo.commission.tasking.domain;

import java.time.Instant;
import java.util.List;

/** A commission of an import after every check passed: what is written, and what a resumed import writes again. */
public record PastCommission(String id, String title, String requirements, List<String> targetUnitIds,
                             Instant issuedAt, Deadline deadline, List<Answer> answers) {

    public PastCommission {
        targetUnitIds = List.copyOf(targetUnitIds);
        answers = List.copyOf(answers);
    }

    /** @param judgedAt null when the answer was not judged ({@code accepted} is then null too) */
    public record Answer(String unitId, String itemId, int revision, Instant answeredAt, Boolean accepted,
                         String reason, Instant judgedAt) {

        public boolean judged() {
            return accepted != null;
        }
    }
}
