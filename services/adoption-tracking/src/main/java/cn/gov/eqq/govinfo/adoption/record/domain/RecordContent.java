package cn.gov.eqq.govinfo.adoption.record.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a record says (one version of it). Which fields are required depends on the kind's form.
 *
 * @param publication   刊物名称 (publication kinds; filled from the kind when it names one)
 * @param issueNo       期号, e.g. 2026年第15期 (publication kinds), or the forwarding document number (forwards)
 * @param effectiveDate the publication's, forward's or instruction's own date (Beijing calendar); decides the period
 * @param leader        instructing leader (instructions)
 * @param text          instruction text (批示内容) for instructions; a free note otherwise
 * @param followUp      for instructions: the action the instruction asks for and its due date, or null
 */
public record RecordContent(AdoptionKind kind, String publication, String issueNo, LocalDate effectiveDate,
                            String leader, String text, FollowUpRequest followUp) {

    public RecordContent {
        Objects.requireNonNull(kind, "kind");
        publication = blankToNull(publication);
        issueNo = blankToNull(issueNo);
        leader = blankToNull(leader);
        text = blankToNull(text);
        if (publication == null && kind.fixedPublication().isPresent()) {
            publication = kind.fixedPublication().get();
        }
    }

    /** Checks the kind's required fields and the date; {@code today} is the Beijing date now. */
    public void validate(LocalDate today) {
        if (effectiveDate == null) {
            throw new AdoptionRuleViolation("record.date-required", "请填写采用或批示的日期");
        }
        if (effectiveDate.isAfter(today)) {
            throw new AdoptionRuleViolation("record.date-in-future", "采用或批示日期不能晚于今天（北京时间）");
        }
        switch (kind.form()) {
            case PUBLICATION -> {
                if (publication == null) {
                    throw new AdoptionRuleViolation("record.publication-required", "刊物采用须填写刊物名称");
                }
                if (issueNo == null) {
                    throw new AdoptionRuleViolation("record.issue-required", "刊物采用须填写期号");
                }
            }
            case INSTRUCTION -> {
                if (leader == null) {
                    throw new AdoptionRuleViolation("record.leader-required", "领导批示须填写批示领导");
                }
                if (text == null) {
                    throw new AdoptionRuleViolation("record.text-required", "领导批示须填写批示内容");
                }
            }
            case FORWARD -> {
                // the forwarding document's number is welcome but the notice does not require it
            }
        }
        if (followUp != null) {
            if (!kind.isInstruction()) {
                throw new AdoptionRuleViolation("record.follow-up-only-for-instructions", "只有领导批示可以要求落实反馈");
            }
            followUp.validate(effectiveDate);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
