package cn.gov.eqq.govinfo.adoption.importing.application;

import cn.gov.eqq.govinfo.adoption.importing.domain.ImportPlan;
import cn.gov.eqq.govinfo.adoption.importing.domain.ItemDirectory;
import cn.gov.eqq.govinfo.adoption.importing.domain.PlannedRow;
import cn.gov.eqq.govinfo.adoption.record.application.ItemChanges;
import cn.gov.eqq.govinfo.adoption.record.application.ItemNotKnown;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spreadsheet import of past records: every line is checked first and the file is refused whole when one line is
 * wrong; an accepted file is written as one batch document and then applied to the items; a line already on file
 * (same item, kind, date, issue, leader, text) adds nothing, so importing the same file twice adds nothing.
 */
@Service
public class ImportingRecords {

    private static final Logger log = LoggerFactory.getLogger(ImportingRecords.class);

    private final ItemDirectory directory;
    private final ImportBatchStore batches;
    private final ItemChanges changes;
    private final Clock clock;

    public ImportingRecords(ItemDirectory directory, ImportBatchStore batches, ItemChanges changes, Clock clock) {
        this.directory = directory;
        this.batches = batches;
        this.changes = changes;
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
        int added = apply(batch);
        int lines = plan.rows().size() + plan.duplicateLinesInFile();
        return new ImportResult(true, batchId, lines, added, plan.rows().size() - added,
                plan.duplicateLinesInFile(), List.of());
    }

    /** The plan of an uploaded CSV file: its rows checked, or the one problem of a file that is not CSV at all. */
    public static ImportPlan planOf(String csv, ItemDirectory directory, LocalDate today) {
        try {
            return ImportPlan.read(CsvSheet.read(csv), directory, today);
        } catch (CsvSheet.Unreadable e) {
            return ImportPlan.unreadable(e.line(), e.getMessage());
        }
    }

    /** Finishes imports that were accepted but not fully applied, e.g. after a crash. */
    @Scheduled(fixedDelayString = "${govinfo.adoption.recovery-interval:30s}",
            initialDelayString = "${govinfo.adoption.recovery-initial-delay:5s}")
    public void completePending() {
        for (ImportBatchStore.Batch batch : batches.pendingSince(Instant.now(clock).minus(Duration.ofSeconds(10)))) {
            log.info("completing import {}", batch.batchId());
            apply(batch);
        }
    }

    private int apply(ImportBatchStore.Batch batch) {
        AtomicInteger added = new AtomicInteger();
        for (PlannedRow row : batch.rows()) {
            try {
                changes.change(row.itemId(), item -> {
                    var change = item.recordImported(row.recordId(), row.importKey(), row.content(),
                            batch.importedBy(), batch.importedAt(), LocalDate.now(clock));
                    change.ifPresent(c -> added.incrementAndGet());
                    return change.map(List::of).orElse(List.of());
                });
            } catch (AdoptionRuleViolation | ItemNotKnown e) {
                // checked a moment ago; only a void in between gets here. Logged, and the rest goes on.
                log.warn("import {} line {}: {}", batch.batchId(), row.line(), e.getMessage());
            }
        }
        batches.markApplied(batch.batchId(), added.get());
        return added.get();
    }
}
