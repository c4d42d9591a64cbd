package cn.gov.eqq.govinfo.adoption.record.adapter.in.web;

import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRecord;
import cn.gov.eqq.govinfo.adoption.record.domain.FollowUpReport;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemScore;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordVersion;
import cn.gov.eqq.govinfo.adoption.record.domain.ScoreShown;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The per-item answer: every record with every version, and the points as scoring decided them — which record
 * counts and why. Until scoring has published the item (or has read a record) the numbers are null and
 * {@code scoreNote} / the record's {@code explanation} says so in Chinese.
 *
 * @param itemPoints   what the item's adoption and instruction records give (scoring's adoption lines); null until
 *                     scoring has published the item
 * @param totalPoints  the item's whole points in scoring (category, forward, adoption, commission); null until then
 * @param scoreStatus  scoring's status of the item ({@code SCORED}, {@code VOIDED}, {@code NOT_SCORED}); null until then
 * @param scoreVersion the version of scoring's decision shown; null until then
 * @param scoreNote    in Chinese, why there is no number yet or why the item counts nothing; null otherwise
 */
record ItemAdoptionsView(String itemId, String unitId, String unitName, String title, boolean received,
                         boolean voided, boolean majorEmergency, Integer itemPoints, Integer totalPoints,
                         String scoreStatus, Long scoreVersion, String scoreNote, String countingRecordId,
                         List<RecordView> records) {

    /**
     * @param points      what the kind is worth on the record's date, as scoring read it (null until it has)
     * @param scored      scoring's reading of this record is shown
     * @param explanation scoring's explanation, or in Chinese why there is no number
     */
    record RecordView(String recordId, String kind, String kindLabel, String level, String form,
                      String publication, String issueNo, LocalDate effectiveDate, String period, String leader,
                      String text, String origin, String combinedRecordId, Integer combinedPosition,
                      boolean credited, boolean withdrawn, boolean lateEntry, String enteredBy, Instant enteredAt,
                      boolean scored, Integer points, Integer countable, boolean counts, Integer addedPoints,
                      String explanation, FollowUpView followUp, List<VersionView> versions) {
    }

    record FollowUpView(String action, LocalDate dueDate, boolean overdue, List<FollowUpReport> reports) {
    }

    record VersionView(int number, String change, String changeLabel, String reason, String by, Instant at,
                       String kind, String publication, String issueNo, LocalDate effectiveDate, String leader,
                       String text) {
    }

    static ItemAdoptionsView of(ItemAdoptions item, String unitName, Optional<ItemScore> score, ZoneId zone,
                                LocalDate today) {
        ScoreShown.ItemPoints points = ScoreShown.of(score);
        List<RecordView> records = item.records().stream()
                // date order; same date: in the order they were entered
                .sorted(Comparator.comparing((AdoptionRecord r) -> r.content().effectiveDate())
                        .thenComparing(AdoptionRecord::enteredAt))
                .map(record -> record(record, ScoreShown.of(record, score), zone, today))
                .toList();
        return new ItemAdoptionsView(item.itemId(), item.facts().unitId(), unitName, item.facts().title(),
                item.facts().received(), item.facts().voided(), item.facts().majorEmergency(),
                points.adoptionPoints(), points.points(), points.status(), points.scoreVersion(), points.note(),
                points.countingRecordId(), records);
    }

    private static RecordView record(AdoptionRecord record, ScoreShown.RecordPoints p, ZoneId zone, LocalDate today) {
        RecordContent c = record.content();
        FollowUpView followUp = record.followUpRequest().map(f -> new FollowUpView(f.action(), f.dueDate(),
                record.followUpOverdue(today), record.followUpReports())).orElse(null);
        return new RecordView(record.recordId(), c.kind().name(),
                p.kindLabel() != null ? p.kindLabel() : c.kind().label(), c.kind().level().label(),
                c.kind().form().label(), c.publication(), c.issueNo(), c.effectiveDate(),
                YearMonth.from(c.effectiveDate()).toString(), c.leader(), c.text(), record.origin().name(),
                record.combinedRecordId(), record.combinedPosition(), record.credited(), record.withdrawn(),
                record.lateEntry(zone), record.enteredBy(), record.enteredAt(), p.scored(), p.kindPoints(),
                p.countable(), p.counts(), p.addedPoints(), p.explanation(), followUp,
                record.versions().stream().map(ItemAdoptionsView::version).toList());
    }

    private static VersionView version(RecordVersion v) {
        RecordContent c = v.content();
        return new VersionView(v.number(), v.change().name(), v.change().label(), v.reason(), v.by(), v.at(),
                c.kind().name(), c.publication(), c.issueNo(), c.effectiveDate(), c.leader(), c.text());
    }
}
