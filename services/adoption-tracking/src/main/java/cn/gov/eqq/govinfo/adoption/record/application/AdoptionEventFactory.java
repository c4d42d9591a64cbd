package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRecord;
import cn.gov.eqq.govinfo.adoption.record.domain.FollowUpReport;
import cn.gov.eqq.govinfo.adoption.record.domain.FollowUpRequest;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordChange;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordVersion;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionCorrected;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionEvent;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionWithdrawn;
import cn.gov.eqq.govinfo.contracts.adoption.InstructionFollowUpReported;

import java.util.List;
import java.util.Optional;

/** Turns what the domain did into the integration events of {@code Topics.ADOPTIONS}. */
public final class AdoptionEventFactory {

    public static final String PRODUCER = "adoption-tracking";

    private AdoptionEventFactory() {
    }

    /**
     * The event for one change. Nothing for a record that was never published: a source of a combined adoption
     * recorded when only the lead item was credited (before scoring owned that rule) is kept for the room's view,
     * and its corrections and withdrawal stay unpublished too, so scoring never hears of it.
     */
    public static Optional<EventEnvelope<?>> eventOf(RecordChange change, String unitId) {
        AdoptionRecord record = change.record();
        if (!record.credited()) {
            return Optional.empty();
        }
        RecordVersion v = change.version();
        RecordContent c = v.content();
        AdoptionEvent payload = switch (v.change()) {
            case RECORDED -> new AdoptionRecorded(record.recordId(), record.itemId(), unitId, c.kind().name(),
                    c.publication(), c.issueNo(), c.effectiveDate(), c.leader(), c.text(), record.combinedRecordId(),
                    v.by(), v.at(), record.combinedPosition());
            case CORRECTED -> new AdoptionCorrected(record.recordId(), record.itemId(), unitId, c.kind().name(),
                    c.publication(), c.issueNo(), c.effectiveDate(), c.leader(), c.text(), v.reason(), v.by(),
                    v.at());
            case WITHDRAWN -> new AdoptionWithdrawn(record.recordId(), record.itemId(), v.reason(), v.by(), v.at());
        };
        return Optional.of(EventEnvelope.wrap(payload, PRODUCER, v.at()));
    }

    /** The unit's follow-up report on an instruction: for information, it changes no score. */
    public static EventEnvelope<?> followUpReported(AdoptionRecord record, String unitId) {
        FollowUpRequest ask = record.followUpRequest().orElseThrow();
        FollowUpReport report = record.latestFollowUpReport().orElseThrow();
        return EventEnvelope.wrap(new InstructionFollowUpReported(record.recordId(), record.itemId(), unitId,
                ask.action(), ask.dueDate(), report.whatWasDone(), report.doneOn(),
                report.doneOn().isAfter(ask.dueDate()), report.reportedBy(), report.reportedAt()), PRODUCER,
                report.reportedAt());
    }

    public static List<EventEnvelope<?>> eventsOf(List<RecordChange> changes, String unitId) {
        return changes.stream().flatMap(c -> eventOf(c, unitId).stream()).toList();
    }
}
