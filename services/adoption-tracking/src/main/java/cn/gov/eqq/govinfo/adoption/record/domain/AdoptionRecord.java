package cn.gov.eqq.govinfo.adoption.record.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One adoption, forward or instruction record crediting one item. Never edited: a correction or a withdrawal adds a
 * version with its reason, and every version stays visible.
 *
 * @param combinedRecordId for 综合采用, the id shared by the records of all its source items; else null
 * @param combinedPosition for 综合采用, the source's place in the listed order (0 = the lead item); null for other
 *                         records and for combined records stored before the position was kept
 * @param credited         true for every record written now. False only for a source of a combined adoption recorded
 *                         under the former setting that credited the lead item alone: such a record was never
 *                         published, so neither are its corrections or its withdrawal; it stays visible to the room
 * @param importKey        for imported rows, the fingerprint that makes a second import of the same row a no-op
 * @param importBatch      for imported rows, the import batch that wrote it (a batch taken over after a crash counts
 *                         the rows it wrote before as its own); null for other records and those stored before
 */
public record AdoptionRecord(String recordId, String itemId, RecordOrigin origin, String combinedRecordId,
                             Integer combinedPosition, boolean credited, String importKey,
                             List<RecordVersion> versions, List<FollowUpReport> followUpReports,
                             String importBatch) {

    public AdoptionRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(origin, "origin");
        versions = List.copyOf(versions);
        followUpReports = followUpReports == null ? List.of() : List.copyOf(followUpReports);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a record has at least its first version");
        }
    }

    static AdoptionRecord first(String recordId, String itemId, RecordOrigin origin, String combinedRecordId,
                                Integer combinedPosition, String importKey, String importBatch,
                                RecordContent content, String by, Instant at) {
        return new AdoptionRecord(recordId, itemId, origin, combinedRecordId, combinedPosition, true, importKey,
                List.of(new RecordVersion(1, ChangeType.RECORDED, content, null, by, at)), List.of(), importBatch);
    }

    public RecordVersion latest() {
        return versions.get(versions.size() - 1);
    }

    public RecordContent content() {
        return latest().content();
    }

    public boolean withdrawn() {
        return latest().change() == ChangeType.WITHDRAWN;
    }

    public String enteredBy() {
        return versions.get(0).by();
    }

    public Instant enteredAt() {
        return versions.get(0).at();
    }

    /** 补录: entered in a later month than the one it counts in (its real date). */
    public boolean lateEntry(java.time.ZoneId zone) {
        LocalDate entered = LocalDate.ofInstant(enteredAt(), zone);
        LocalDate effective = versions.get(0).content().effectiveDate();
        return entered.withDayOfMonth(1).isAfter(effective.withDayOfMonth(1));
    }

    AdoptionRecord corrected(RecordContent content, String reason, String by, Instant at, LocalDate today) {
        requireActive();
        requireReason(reason, "更正");
        if (content.kind() != content().kind() && origin == RecordOrigin.COMBINED) {
            // the other source items would disagree about what was adopted
            throw new AdoptionRuleViolation("record.combined-kind-fixed", "综合采用记录不能更改类型，请撤销后重新录入");
        }
        content.validate(today);
        if (content.equals(content())) {
            throw new AdoptionRuleViolation("record.correction-changes-nothing", "更正内容与当前记录相同");
        }
        return withVersion(new RecordVersion(versions.size() + 1, ChangeType.CORRECTED, content, reason.strip(), by,
                at));
    }

    AdoptionRecord withdrawnBy(String reason, String by, Instant at) {
        requireActive();
        requireReason(reason, "撤销");
        return withVersion(new RecordVersion(versions.size() + 1, ChangeType.WITHDRAWN, content(), reason.strip(), by,
                at));
    }

    AdoptionRecord withFollowUpReport(FollowUpReport report, LocalDate today) {
        requireActive();
        if (followUpRequest().isEmpty()) {
            throw new AdoptionRuleViolation("follow-up.none-requested", "该记录没有要求落实反馈");
        }
        if (report.whatWasDone() == null || report.whatWasDone().isBlank()) {
            throw new AdoptionRuleViolation("follow-up.text-required", "请填写落实情况");
        }
        if (report.doneOn() == null) {
            throw new AdoptionRuleViolation("follow-up.date-required", "请填写落实日期");
        }
        if (report.doneOn().isAfter(today)) {
            throw new AdoptionRuleViolation("follow-up.date-in-future", "落实日期不能晚于今天（北京时间）");
        }
        List<FollowUpReport> reports = new ArrayList<>(followUpReports);
        reports.add(report);
        return new AdoptionRecord(recordId, itemId, origin, combinedRecordId, combinedPosition, credited, importKey,
                versions, reports, importBatch);
    }

    public Optional<FollowUpRequest> followUpRequest() {
        return Optional.ofNullable(content().followUp());
    }

    public Optional<FollowUpReport> latestFollowUpReport() {
        return followUpReports.isEmpty() ? Optional.empty()
                : Optional.of(followUpReports.get(followUpReports.size() - 1));
    }

    /** An instruction whose follow-up is due before {@code today} and that the unit has not reported on. */
    public boolean followUpOverdue(LocalDate today) {
        return !withdrawn()
                && followUpRequest().map(f -> f.dueDate().isBefore(today)).orElse(false)
                && followUpReports.isEmpty();
    }

    private AdoptionRecord withVersion(RecordVersion version) {
        List<RecordVersion> all = new ArrayList<>(versions);
        all.add(version);
        return new AdoptionRecord(recordId, itemId, origin, combinedRecordId, combinedPosition, credited, importKey,
                all, followUpReports, importBatch);
    }

    private void requireActive() {
        if (withdrawn()) {
            throw new AdoptionRuleViolation("record.withdrawn", "该记录已撤销，不能再修改");
        }
    }

    private static void requireReason(String reason, String action) {
        if (reason == null || reason.isBlank()) {
            throw new AdoptionRuleViolation("record.reason-required", action + "须填写原因");
        }
    }
}
