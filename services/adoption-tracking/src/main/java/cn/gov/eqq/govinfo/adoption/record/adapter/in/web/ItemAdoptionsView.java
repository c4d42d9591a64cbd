package cn.gov.eqq.govinfo.adoption.record.adapter.in.web;

import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRecord;
import cn.gov.eqq.govinfo.adoption.record.domain.FollowUpReport;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemReading;
import cn.gov.eqq.govinfo.adoption.record.domain.KindPointsTable;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordVersion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The per-item answer: every record with every version, its points, and which one counts and why. */
record ItemAdoptionsView(String itemId, String unitId, String unitName, String title, boolean received,
                         boolean voided, boolean majorEmergency, int itemPoints, String countingRecordId,
                         List<RecordView> records) {

    record RecordView(String recordId, String kind, String kindLabel, String level, String form,
                      String publication, String issueNo, LocalDate effectiveDate, String period, String leader,
                      String text, String origin, String combinedRecordId, boolean credited, boolean withdrawn,
                      boolean lateEntry, String enteredBy, Instant enteredAt, int points, int countable,
                      boolean counts, int addedPoints, String explanation, FollowUpView followUp,
                      List<VersionView> versions) {
    }

    record FollowUpView(String action, LocalDate dueDate, boolean overdue, List<FollowUpReport> reports) {
    }

    record VersionView(int number, String change, String changeLabel, String reason, String by, Instant at,
                       String kind, String publication, String issueNo, LocalDate effectiveDate, String leader,
                       String text) {
    }

    static ItemAdoptionsView of(ItemAdoptions item, String unitName, KindPointsTable table, ZoneId zone,
                                LocalDate today) {
        ItemReading reading = ItemReading.of(item, table);
        List<RecordView> records = reading.records().stream().map(r -> {
            AdoptionRecord record = item.find(r.recordId()).orElseThrow();
            RecordContent c = record.content();
            FollowUpView followUp = record.followUpRequest().map(f -> new FollowUpView(f.action(), f.dueDate(),
                    record.followUpOverdue(today), record.followUpReports())).orElse(null);
            return new RecordView(record.recordId(), c.kind().name(), c.kind().label(), c.kind().level().label(),
                    c.kind().form().label(), c.publication(), c.issueNo(), c.effectiveDate(), r.period().toString(),
                    c.leader(), c.text(), record.origin().name(), record.combinedRecordId(), record.credited(),
                    record.withdrawn(), record.lateEntry(zone), record.enteredBy(), record.enteredAt(), r.points(),
                    r.countable(), r.counts(), r.addedPoints(), r.explanation(), followUp,
                    record.versions().stream().map(ItemAdoptionsView::version).toList());
        }).toList();
        return new ItemAdoptionsView(item.itemId(), item.facts().unitId(), unitName, item.facts().title(),
                item.facts().received(), item.facts().voided(), item.facts().majorEmergency(), reading.itemPoints(),
                reading.countingRecordId(), records);
    }

    private static VersionView version(RecordVersion v) {
        RecordContent c = v.content();
        return new VersionView(v.number(), v.change().name(), v.change().label(), v.reason(), v.by(), v.at(),
                c.kind().name(), c.publication(), c.issueNo(), c.effectiveDate(), c.leader(), c.text());
    }
}
