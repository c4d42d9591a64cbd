package cn.gov.eqq.govinfo.commission.tasking.domain;

import java.util.List;

/**
 * One commission of an import (补录) as the room wrote it: times are Beijing date-times as text
 * ({@code 2026-03-31T17:00} or {@code 2026-03-31 17:00}), checked by {@link CommissionImportCheck}.
 *
 * @param id optional; when empty the id is derived from title, deadline and target units
 */
public record PastCommissionRow(String id, String title, String requirements, List<String> targetUnitIds,
                                String issuedAt, String deadline, List<Answer> answers) {

    public PastCommissionRow {
        targetUnitIds = targetUnitIds == null ? List.of() : targetUnitIds.stream().map(u -> u == null ? "" : u).toList();
        answers = answers == null ? List.of() : answers.stream().map(a -> a == null
                ? new Answer(null, null, null, null, null, null, null) : a).toList();
    }

    /**
     * One answer: the item that answered, when it was submitted, and the room's judgement if there was one
     * ({@code accepted} empty = not judged).
     */
    public record Answer(String unitId, String itemId, Integer revision, String answeredAt, Boolean accepted,
                         String reason, String judgedAt) {
    }
}
