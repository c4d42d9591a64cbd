package cn.gov.eqq.govinfo.adoption.record.domain;

import java.time.LocalDate;

/** What an instruction asks the item's unit to do (批示落实), and by when (Beijing date, inclusive). */
public record FollowUpRequest(String action, LocalDate dueDate) {

    public FollowUpRequest {
        action = action == null ? null : action.strip();
    }

    void validate(LocalDate instructionDate) {
        if (action == null || action.isEmpty()) {
            throw new AdoptionRuleViolation("follow-up.action-required", "请填写批示要求落实的事项");
        }
        if (dueDate == null) {
            throw new AdoptionRuleViolation("follow-up.due-required", "请填写落实期限");
        }
        if (dueDate.isBefore(instructionDate)) {
            throw new AdoptionRuleViolation("follow-up.due-before-instruction", "落实期限不能早于批示日期");
        }
    }
}
