package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRuleViolation;
import cn.gov.eqq.govinfo.adoption.record.domain.CombinedAdoption;
import cn.gov.eqq.govinfo.adoption.record.domain.FollowUpReport;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The room's commands on records, and the unit's follow-up report. Permissions are checked by the web adapter. */
public class RecordingAdoptions {

    private static final Logger log = LoggerFactory.getLogger(RecordingAdoptions.class);

    private final ItemChanges changes;
    private final ItemAdoptionsStore items;
    private final CombinedAdoptionStore combined;
    private final Clock clock;

    public RecordingAdoptions(ItemChanges changes, ItemAdoptionsStore items, CombinedAdoptionStore combined,
                              Clock clock) {
        this.changes = changes;
        this.items = items;
        this.combined = combined;
        this.clock = clock;
    }

    public ItemAdoptions record(String itemId, RecordContent content, String by) {
        String recordId = "ADR-" + UUID.randomUUID();
        return changes.change(itemId, item -> List.of(item.record(recordId, content, by, now(), today())));
    }

    public ItemAdoptions correct(CorrectRecord c) {
        return changes.change(c.itemId(), item -> List.of(item.correct(c.recordId(), c.content(), c.reason(), c.by(),
                now(), today())));
    }

    public ItemAdoptions withdraw(WithdrawRecord w) {
        return changes.change(w.itemId(), item -> List.of(item.withdraw(w.recordId(), w.reason(), w.by(), now())));
    }

    public ItemAdoptions reportFollowUp(ReportFollowUp r) {
        return changes.changeTelling(r.itemId(), item -> List.of(AdoptionEventFactory.followUpReported(
                item.reportFollowUp(r.recordId(), r.unitId(),
                        new FollowUpReport(r.whatWasDone(), r.doneOn(), r.by(), now()), today()),
                r.unitId())));
    }

    /**
     * 综合采用: checks every source first (nothing is written unless all can take the record), writes the decision,
     * then gives each source item its own record, with its place in the listed order (0 = the lead item); each is
     * published, and scoring decides which earn points. A crash in between is finished by {@link #completePending()}.
     */
    public CombinedAdoption recordCombined(RecordContent content, List<String> sourceItemIds, String by) {
        content.validate(today());
        CombinedAdoption plan = CombinedAdoption.plan("CMB-" + UUID.randomUUID(), content, sourceItemIds, by,
                now());
        for (CombinedAdoption.SourceCredit source : plan.sources()) {
            ItemAdoptions item = items.load(source.itemId()).orElseThrow(() -> new ItemNotKnown(source.itemId()))
                    .item();
            item.facts().requireRecordable(source.itemId());
            if (item.hasActiveRecordSaying(content)) {
                throw new AdoptionRuleViolation("record.duplicate",
                        "信息 " + source.itemId() + " 已有相同的采用或批示记录");
            }
        }
        combined.insert(plan);
        apply(plan);
        return plan;
    }

    /**
     * Corrects every source record of a combined adoption at once. Sources already saying the new content, or
     * withdrawn on their own, are left as they are — so repeating the request after an interruption finishes it.
     */
    public CombinedAdoption correctCombined(CorrectCombined command) {
        String combinedRecordId = command.combinedRecordId();
        RecordContent content = command.content();
        String reason = command.reason();
        String by = command.by();
        CombinedAdoption plan = combined.find(combinedRecordId).orElseThrow(() -> new CombinedNotKnown(combinedRecordId));
        content.validate(today());
        if (content.kind() != plan.content().kind()) {
            throw new AdoptionRuleViolation("record.combined-kind-fixed", "综合采用记录不能更改类型，请撤销后重新录入");
        }
        if (reason == null || reason.isBlank()) {
            throw new AdoptionRuleViolation("record.reason-required", "更正须填写原因");
        }
        for (CombinedAdoption.SourceCredit source : plan.sources()) {
            changes.change(source.itemId(), item -> item.find(source.recordId())
                    .filter(r -> !r.withdrawn() && !r.content().equals(content))
                    .map(r -> List.of(item.correct(r.recordId(), content, reason, by, now(), today())))
                    .orElse(List.of()));
        }
        return plan;
    }

    /** Withdraws every source record of a combined adoption; repeating it after an interruption finishes it. */
    public CombinedAdoption withdrawCombined(String combinedRecordId, String reason, String by) {
        CombinedAdoption plan = combined.find(combinedRecordId).orElseThrow(() -> new CombinedNotKnown(combinedRecordId));
        if (reason == null || reason.isBlank()) {
            throw new AdoptionRuleViolation("record.reason-required", "撤销须填写原因");
        }
        for (CombinedAdoption.SourceCredit source : plan.sources()) {
            changes.change(source.itemId(), item -> item.find(source.recordId())
                    .filter(r -> !r.withdrawn())
                    .map(r -> List.of(item.withdraw(r.recordId(), reason, by, now())))
                    .orElse(List.of()));
        }
        return plan;
    }

    /** No combined adoption with this id. */
    public static class CombinedNotKnown extends RuntimeException {
        public CombinedNotKnown(String id) {
            super("找不到综合采用记录 " + id);
        }
    }

    /**
     * Finishes combined adoptions that were written but not (fully) applied, e.g. after a crash; run every
     * recovery interval by {@code record.adapter.in.scheduling.CombinedAdoptionRecovery}.
     */
    public void completePending() {
        for (CombinedAdoption plan : combined.pendingSince(Instant.now(clock).minus(Duration.ofSeconds(10)))) {
            log.info("completing combined adoption {}", plan.combinedRecordId());
            apply(plan);
        }
    }

    private void apply(CombinedAdoption plan) {
        List<String> skipped = new ArrayList<>();
        for (CombinedAdoption.SourceCredit source : plan.sources()) {
            try {
                changes.change(source.itemId(), item -> item.recordCombinedSource(source.recordId(),
                        plan.combinedRecordId(), plan.positionOf(source), plan.content(), plan.by(), plan.at(),
                        today())
                        .map(List::of).orElse(List.of()));
            } catch (AdoptionRuleViolation | ItemNotKnown e) {
                // e.g. voided between the check and the write: that source gets no record, and we say so
                log.warn("combined adoption {}: source {} skipped: {}", plan.combinedRecordId(), source.itemId(),
                        e.getMessage());
                skipped.add(source.itemId() + "：" + e.getMessage());
            }
        }
        combined.markApplied(plan.combinedRecordId(), skipped);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
