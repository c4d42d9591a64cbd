package cn.gov.eqq.govinfo.adoption.importing.application;

import cn.gov.eqq.govinfo.adoption.importing.domain.ImportPlan;
import cn.gov.eqq.govinfo.adoption.importing.domain.ItemDirectory;
import cn.gov.eqq.govinfo.adoption.importing.domain.PlannedRow;
import cn.gov.eqq.govinfo.adoption.record.application.ItemAdoptionsStore;
import cn.gov.eqq.govinfo.adoption.record.application.ItemChanges;
import cn.gov.eqq.govinfo.adoption.record.application.ItemNotKnown;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRuleViolation;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordChange;
import cn.gov.eqq.govinfo.adoption.record.domain.WaitingImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Spreadsheet import of past records: every line is checked first and the file is refused whole when one line is
 * wrong; an accepted file is written as one batch document and then applied to the items; a line already on file
 * (same item, kind, date, issue, leader, text) adds nothing, so importing the same file twice adds nothing. A line
 * naming an item not yet received waits in that item's document and is recorded when intake's {@code ItemReceived}
 * arrives ({@link cn.gov.eqq.govinfo.adoption.record.application.ItemFactsUpdating}), on whichever replica reads it.
 */
public class ImportingRecords {

    private static final Logger log = LoggerFactory.getLogger(ImportingRecords.class);

    private final ItemDirectory directory;
    private final ImportBatchStore batches;
    private final ItemChanges changes;
    private final ItemAdoptionsStore items;
    private final Clock clock;

    public ImportingRecords(ItemDirectory directory, ImportBatchStore batches, ItemChanges changes,
                            ItemAdoptionsStore items, Clock clock) {
        this.directory = directory;
        this.batches = batches;
        this.changes = changes;
        this.items = items;
        this.clock = clock;
    }

    public ImportResult importCsv(String fileName, String csv, String by) {
        ImportPlan plan = planOf(csv, directory, LocalDate.now(clock));
        if (!plan.acceptable()) {
            return ImportResult.refused(plan.problems());
        }
        String batchId = "IMP-" + plan.batchFingerprint().substring(0, 32);
        ImportBatchStore.Batch batch = new ImportBatchStore.Batch(batchId, fileName, plan.rows(), by,
                Instant.now(clock));
        batches.insertIfAbsent(batch);
        Applied applied = apply(batch);
        int lines = plan.rows().size() + plan.duplicateLinesInFile();
        return new ImportResult(true, batchId, lines, applied.added(),
                plan.rows().size() - applied.added() - applied.waitingLines().size(), plan.duplicateLinesInFile(),
                applied.waitingLines().size(), applied.waitingLines(), List.of());
    }

    /**
     * An accepted import as it stands now: which of its lines that waited for their item have been recorded since,
     * and which still wait (in Chinese).
     */
    public Optional<ImportStatus> status(String batchId) {
        return batches.find(batchId).map(batch -> {
            int recordedSince = 0;
            List<String> stillWaiting = new ArrayList<>();
            for (PlannedRow row : batch.rows()) {
                if (!row.waiting()) {
                    continue;
                }
                Optional<ItemAdoptions> item = items.load(row.itemId()).map(ItemAdoptionsStore.Loaded::item);
                if (item.map(i -> i.hasImportKey(row.importKey())).orElse(false)) {
                    recordedSince++;
                } else if (item.map(i -> i.facts().voided()).orElse(false)) {
                    stillWaiting.add("第 " + row.line() + " 行：信息 " + row.itemId() + " 已作废，不能登记");
                } else {
                    stillWaiting.add(ImportResult.waitingLine(row.line(), row.itemId()));
                }
            }
            return new ImportStatus(batch.batchId(), batch.fileName(), batch.importedBy(), batch.importedAt(),
                    batch.rows().size(), recordedSince, stillWaiting);
        });
    }

    /** The plan of an uploaded CSV file: its rows checked, or the one problem of a file that is not CSV at all. */
    public static ImportPlan planOf(String csv, ItemDirectory directory, LocalDate today) {
        try {
            return ImportPlan.read(CsvSheet.read(csv), directory, today);
        } catch (CsvSheet.Unreadable e) {
            return ImportPlan.unreadable(e.line(), e.getMessage());
        }
    }

    /**
     * Finishes imports that were accepted but not fully applied, e.g. after a crash; run every recovery interval by
     * {@code importing.adapter.in.scheduling.ImportRecovery}.
     */
    public void completePending() {
        for (ImportBatchStore.Batch batch : batches.pendingSince(Instant.now(clock).minus(Duration.ofSeconds(10)))) {
            log.info("completing import {}", batch.batchId());
            apply(batch);
        }
    }

    private enum Outcome { ADDED, ON_FILE, WAITING, SKIPPED }

    private record Applied(int added, List<String> waitingLines) {
    }

    private Applied apply(ImportBatchStore.Batch batch) {
        int added = 0;
        List<String> waiting = new ArrayList<>();
        for (PlannedRow row : batch.rows()) {
            // set by the last attempt of the command (a concurrent writer makes it run again)
            AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.SKIPPED);
            try {
                if (row.waiting()) {
                    changes.changeOrStart(row.itemId(), item -> recordOrAwait(item, row, batch, outcome));
                } else {
                    changes.change(row.itemId(), item -> record(item, row, batch, outcome));
                }
            } catch (AdoptionRuleViolation | ItemNotKnown e) {
                // checked a moment ago; only a void in between gets here. Logged, and the rest goes on.
                outcome.set(Outcome.SKIPPED);
                log.warn("import {} line {}: {}", batch.batchId(), row.line(), e.getMessage());
            }
            if (outcome.get() == Outcome.ADDED) {
                added++;
            } else if (outcome.get() == Outcome.WAITING) {
                waiting.add(ImportResult.waitingLine(row.line(), row.itemId()));
            }
        }
        batches.markApplied(batch.batchId(), added);
        return new Applied(added, waiting);
    }

    private List<RecordChange> record(ItemAdoptions item, PlannedRow row, ImportBatchStore.Batch batch,
                                      AtomicReference<Outcome> outcome) {
        Optional<RecordChange> change = item.recordImported(row.recordId(), row.importKey(), row.content(),
                batch.importedBy(), batch.importedAt(), LocalDate.now(clock));
        outcome.set(change.isPresent() ? Outcome.ADDED : Outcome.ON_FILE);
        return change.map(List::of).orElse(List.of());
    }

    /** The item may have been received since the plan was made: then the line is recorded at once. */
    private List<RecordChange> recordOrAwait(ItemAdoptions item, PlannedRow row, ImportBatchStore.Batch batch,
                                             AtomicReference<Outcome> outcome) {
        if (item.facts().received()) {
            return record(item, row, batch, outcome);
        }
        if (item.hasImportKey(row.importKey())) {
            outcome.set(Outcome.ON_FILE);
            return List.of();
        }
        item.awaitImport(new WaitingImport(batch.batchId(), row.line(), row.recordId(), row.importKey(),
                row.content(), batch.importedBy(), batch.importedAt()));
        outcome.set(Outcome.WAITING);
        return List.of();
    }
}
