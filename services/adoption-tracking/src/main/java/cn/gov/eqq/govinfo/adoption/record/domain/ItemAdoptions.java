package cn.gov.eqq.govinfo.adoption.record.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The aggregate: one item with everything recorded about what higher levels did with it. One item's records change
 * together and their events keep their order (the Kafka key is the item id).
 */
public final class ItemAdoptions {

    private final String itemId;
    private ItemFacts facts;
    private final List<AdoptionRecord> records;
    private final List<WaitingImport> waitingImports;

    public ItemAdoptions(String itemId, ItemFacts facts, List<AdoptionRecord> records) {
        this(itemId, facts, records, List.of());
    }

    public ItemAdoptions(String itemId, ItemFacts facts, List<AdoptionRecord> records,
                         List<WaitingImport> waitingImports) {
        this.itemId = Objects.requireNonNull(itemId, "itemId");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.records = new ArrayList<>(records);
        this.waitingImports = new ArrayList<>(waitingImports == null ? List.of() : waitingImports);
    }

    public static ItemAdoptions firstHeardOf(String itemId) {
        return new ItemAdoptions(itemId, ItemFacts.unknown(), List.of());
    }

    public String itemId() {
        return itemId;
    }

    public ItemFacts facts() {
        return facts;
    }

    public List<AdoptionRecord> records() {
        return List.copyOf(records);
    }

    /** Imported lines waiting for this item to be received. */
    public List<WaitingImport> waitingImports() {
        return List.copyOf(waitingImports);
    }

    /**
     * An imported line for an item not yet received waits here; @return false when the line is already on file or
     * already waiting (a second import of the same file).
     */
    public boolean awaitImport(WaitingImport line) {
        if (hasImportKey(line.importKey()) || find(line.recordId()).isPresent()
                || waitingImports.stream().anyMatch(w -> w.importKey().equals(line.importKey()))) {
            return false;
        }
        if (facts.voided()) {
            throw new AdoptionRuleViolation("item.voided", "信息 " + itemId + " 已作废，不能登记采用或批示");
        }
        waitingImports.add(line);
        return true;
    }

    /**
     * Once the item is received (and not voided), its waiting imported lines become records, each with its own
     * change; a line that is already on file adds nothing. Until then nothing happens.
     */
    public List<RecordChange> recordWaitingImports(LocalDate today) {
        if (!facts.received() || facts.voided() || waitingImports.isEmpty()) {
            return List.of();
        }
        List<RecordChange> changes = new ArrayList<>();
        for (WaitingImport w : waitingImports) {
            recordImported(w.batchId(), w.recordId(), w.importKey(), w.content(), w.by(), w.at(), today)
                    .ifPresent(changes::add);
        }
        waitingImports.clear();
        return changes;
    }

    public void updateFacts(ItemFacts newFacts) {
        this.facts = Objects.requireNonNull(newFacts);
    }

    public Optional<AdoptionRecord> find(String recordId) {
        return records.stream().filter(r -> r.recordId().equals(recordId)).findFirst();
    }

    public boolean hasImportKey(String importKey) {
        return records.stream().anyMatch(r -> importKey.equals(r.importKey()));
    }

    /** The room records an adoption, forward or instruction (also late, 补录, with its real date). */
    public RecordChange record(String recordId, RecordContent content, String by, Instant at, LocalDate today) {
        return add(recordId, RecordOrigin.MANUAL, null, null, null, null, content, by, at, today);
    }

    /**
     * One source item's record of a combined adoption (综合采用), at its place in the listed order (0 = lead);
     * applying it twice changes nothing. Whether a source earns points is scoring's rule, not decided here.
     */
    public Optional<RecordChange> recordCombinedSource(String recordId, String combinedRecordId, int position,
                                                       RecordContent content, String by, Instant at,
                                                       LocalDate today) {
        if (find(recordId).isPresent() || hasActiveRecordSaying(content)) {
            // applied before, or the item already carries this very adoption: nothing more to credit
            return Optional.empty();
        }
        return Optional.of(add(recordId, RecordOrigin.COMBINED, combinedRecordId, position, null, null, content, by,
                at, today));
    }

    /** A row of a spreadsheet import; a row already imported (same fingerprint) adds nothing. */
    public Optional<RecordChange> recordImported(String batchId, String recordId, String importKey,
                                                 RecordContent content, String by, Instant at, LocalDate today) {
        if (hasImportKey(importKey) || find(recordId).isPresent() || hasActiveRecordSaying(content)) {
            return Optional.empty();
        }
        return Optional.of(add(recordId, RecordOrigin.IMPORTED, null, null, importKey, batchId, content, by, at,
                today));
    }

    public RecordChange correct(String recordId, RecordContent content, String reason, String by, Instant at,
                                LocalDate today) {
        AdoptionRecord changed = existing(recordId).corrected(content, reason, by, at, today);
        replace(changed);
        return new RecordChange(changed, changed.latest());
    }

    public RecordChange withdraw(String recordId, String reason, String by, Instant at) {
        AdoptionRecord changed = existing(recordId).withdrawnBy(reason, by, at);
        replace(changed);
        return new RecordChange(changed, changed.latest());
    }

    /** The item's unit tells what it did about an instruction. */
    public AdoptionRecord reportFollowUp(String recordId, String reportingUnitId, FollowUpReport report,
                                         LocalDate today) {
        if (facts.unitId() == null || !facts.unitId().equals(reportingUnitId)) {
            throw new AdoptionRuleViolation("follow-up.not-your-item", "只有信息的报送单位可以填写落实情况");
        }
        AdoptionRecord changed = existing(recordId).withFollowUpReport(report, today);
        replace(changed);
        return changed;
    }

    /** The earliest due date of a follow-up that is still open, to find overdue items without reading them all. */
    public Optional<LocalDate> earliestOpenFollowUpDue() {
        return records.stream()
                .filter(r -> !r.withdrawn() && r.followUpReports().isEmpty())
                .flatMap(r -> r.followUpRequest().stream())
                .map(FollowUpRequest::dueDate)
                .min(LocalDate::compareTo);
    }

    /** Whether a record that is not withdrawn already says exactly this (same kind, date, issue, leader...). */
    public boolean hasActiveRecordSaying(RecordContent content) {
        return records.stream().anyMatch(r -> !r.withdrawn() && r.content().equals(content));
    }

    private RecordChange add(String recordId, RecordOrigin origin, String combinedRecordId, Integer combinedPosition,
                             String importKey, String importBatch, RecordContent content, String by, Instant at,
                             LocalDate today) {
        facts.requireRecordable(itemId);
        content.validate(today);
        if (find(recordId).isPresent()) {
            throw new AdoptionRuleViolation("record.id-taken", "记录编号重复：" + recordId);
        }
        if (hasActiveRecordSaying(content)) {
            // the same publication issue or instruction twice is a double entry, not a second adoption
            throw new AdoptionRuleViolation("record.duplicate", "该信息已有相同的采用或批示记录");
        }
        AdoptionRecord created = AdoptionRecord.first(recordId, itemId, origin, combinedRecordId, combinedPosition,
                importKey, importBatch, content, by, at);
        records.add(created);
        return new RecordChange(created, created.latest());
    }

    private AdoptionRecord existing(String recordId) {
        return find(recordId).orElseThrow(() -> new RecordNotFound(itemId, recordId));
    }

    private void replace(AdoptionRecord changed) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).recordId().equals(changed.recordId())) {
                records.set(i, changed);
                return;
            }
        }
        throw new IllegalStateException("record vanished: " + changed.recordId());
    }
}
