package cn.gov.eqq.govinfo.adoption.importing.application;

import cn.gov.eqq.govinfo.adoption.importing.domain.ImportPlan;
import cn.gov.eqq.govinfo.adoption.importing.domain.ItemDirectory;
import cn.gov.eqq.govinfo.adoption.importing.domain.PlannedRow;
import cn.gov.eqq.govinfo.adoption.importing.domain.RowProblem;
import cn.gov.eqq.govinfo.adoption.record.application.ItemAdoptionsStore;
import cn.gov.eqq.govinfo.adoption.record.application.ItemChanges;
import cn.gov.eqq.govinfo.adoption.record.application.ItemNotKnown;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRuleViolation;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordChange;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordOrigin;
import cn.gov.eqq.govinfo.adoption.record.domain.WaitingImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.gov.eqq.govinfo.platform.work.LeasedWork;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Spreadsheet import of past records, in the background (ADR 0022, which covers this import too). The upload is
 * stored as a batch (the file's text, keyed by its hash) and answered at once; a worker of any replica claims it with
 * a lease and checks every line; any problem fails the batch with all its problems and nothing is written; a clean
 * file is committed (state WRITING, with the checked lines and the item each was matched to) and its lines are
 * applied to the items in parts, the progress and the lease renewed after each part. A worker that dies leaves a
 * batch whose lease runs out: another replica claims it and writes on from the last part recorded.
 * <p>
 * A line already on file (same item, kind, date, issue, leader, text) adds nothing, so importing the same lines again
 * adds nothing; a record this very batch wrote before a takeover (its first version carries the batch's upload time
 * and uploader) counts as added by it, so the counts stay exact. A line naming an item not yet received waits in
 * that item's document and is recorded when intake's {@code ItemReceived} arrives (ADR 0019).
 */
public class ImportingRecords {

    /**
     * @param lease     how long a claim holds without being renewed (a dead worker's batch waits this long)
     * @param partRows  lines written per part (one progress write each)
     * @param partPause a pause after each part, to leave the database to live work during a long import
     */
    public record Settings(Duration lease, int partRows, Duration partPause) {
    }


    /** A batch as it stands after the upload, and whether the upload was a file imported before. */
    public record Accepted(ImportStatus status, boolean repeated) {
    }

    static final int MAX_ERRORS_KEPT = 200;
    private static final Logger log = LoggerFactory.getLogger(ImportingRecords.class);

    private final ItemDirectory directory;
    private final ImportBatchStore batches;
    private final ItemChanges changes;
    private final ItemAdoptionsStore items;
    private final Clock clock;
    private final LeasedWork work;
    private final Executor background;
    private final int partRows;

    public ImportingRecords(ItemDirectory directory, ImportBatchStore batches, ItemChanges changes,
                            ItemAdoptionsStore items, Clock clock, Executor background,
                            Settings settings) {
        this.directory = directory;
        this.batches = batches;
        this.changes = changes;
        this.items = items;
        this.clock = clock;
        this.work = new LeasedWork("adoption-import", clock, settings.lease(), settings.partPause());
        this.background = background;
        this.partRows = settings.partRows();
    }

    /** This process's share of the import work: the schedule's lifecycle stops it first at shutdown. */
    public LeasedWork work() {
        return work;
    }

    /**
     * Accepts a file: stores it as a QUEUED batch and starts the work in the background. The same file again answers
     * with its batch; a failed one is checked again (its items may have been received since).
     */
    public Accepted accept(String fileName, String csv, String by) {
        String batchId = "IMP-" + sha256(csv).substring(0, 32);
        boolean repeated = false;
        if (!batches.accept(ImportBatchStore.Batch.queued(batchId, fileName, csv, by, clock.instant()))) {
            repeated = !batches.requeue(batchId, by, clock.instant());
        }
        work.startSoon(background, this::runPending, "采用记录导入批次 " + batchId);
        ImportStatus now = status(batchId).orElseThrow();
        return new Accepted(now, repeated && now.batch().done());
    }

    /**
     * A batch as it stands now; once written, which of its lines that waited for their item have been recorded
     * since, and which still wait (in Chinese).
     */
    public Optional<ImportStatus> status(String batchId) {
        return batches.find(batchId).map(this::withWaitingLines);
    }

    /** The latest batches, without their lines: {@code waiting} is how many waited when the batch was written. */
    public List<ImportStatus> recent() {
        return batches.recent(50).stream()
                .map(b -> new ImportStatus(b, b.counts().waiting(), 0, List.of())).toList();
    }

    private ImportStatus withWaitingLines(ImportBatchStore.Batch batch) {
        if (batch.state() != ImportState.DONE) {
            return new ImportStatus(batch, batch.counts().waiting(), 0, List.of());
        }
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
                stillWaiting.add(ImportStatus.waitingLine(row.line(), row.itemId()));
            }
        }
        return new ImportStatus(batch, stillWaiting.size(), recordedSince, stillWaiting);
    }

    /** The plan of an uploaded CSV file: its rows checked, or the one problem of a file that is not CSV at all. */
    public static ImportPlan planOf(String csv, ItemDirectory directory, LocalDate today) {
        return planOf(csv, directory, today, checked -> { });
    }

    private static ImportPlan planOf(String csv, ItemDirectory directory, LocalDate today,
                                     java.util.function.IntConsumer progress) {
        try {
            return ImportPlan.read(CsvSheet.read(csv), directory, today, progress);
        } catch (CsvSheet.Unreadable e) {
            return ImportPlan.unreadable(e.line(), e.getMessage());
        }
    }

    /**
     * Works off every batch that is not finished and not held by a live lease: new ones, and those of a worker that
     * died. Runs on every replica, on a schedule and after each upload. @return batches worked on
     */
    public int runPending() {
        return work.runPending(batches::claimNext, this::run);
    }

    private void run(ImportBatchStore.Batch batch) {
        List<PlannedRow> rows;
        if (batch.state() == ImportState.WRITING) {
            rows = batch.rows();
        } else {
            ImportPlan plan = planOf(batch.text(), directory, LocalDate.now(clock),
                    n -> batches.checking(batch.batchId(), work.worker(), n, work.leaseFromNow()));
            int checked = plan.rows().size() + plan.duplicateLinesInFile() + linesWithProblems(plan);
            if (!plan.acceptable()) {
                batches.fail(batch.batchId(), work.worker(), checked, plan.problems().size(), plan.problems().stream()
                        .limit(MAX_ERRORS_KEPT).map(ImportingRecords::rowError).toList(), clock.instant());
                return;
            }
            if (!batches.commit(batch.batchId(), work.worker(), plan.rows(), plan.duplicateLinesInFile(), checked,
                    work.leaseFromNow())) {
                return; // the lease ran out and another replica took the batch over
            }
            rows = plan.rows();
        }
        write(batch, rows);
    }

    private static int linesWithProblems(ImportPlan plan) {
        return (int) plan.problems().stream().filter(p -> p.line() > 1).map(RowProblem::line).distinct().count();
    }

    private void write(ImportBatchStore.Batch batch, List<PlannedRow> rows) {
        ImportBatchStore.Counts counts = batch.counts();
        for (int from = batch.written(); from < rows.size(); from += partRows) {
            List<PlannedRow> part = rows.subList(from, Math.min(rows.size(), from + partRows));
            for (PlannedRow row : part) {
                counts = counts.plus(apply(batch, row));
            }
            if (!batches.written(batch.batchId(), work.worker(), from + part.size(), counts, work.leaseFromNow())) {
                return; // the lease ran out and another replica took the batch over
            }
            if (!work.afterPart()) {
                return; // shutting down: the lease runs out and a replica writes on from here
            }
        }
        batches.finish(batch.batchId(), work.worker(), counts, clock.instant());
    }

    private enum Outcome { ADDED, ON_FILE, WAITING, SKIPPED }

    private ImportBatchStore.Counts apply(ImportBatchStore.Batch batch, PlannedRow row) {
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
        return switch (outcome.get()) {
            case ADDED -> new ImportBatchStore.Counts(1, 0, 0, 0);
            case ON_FILE -> new ImportBatchStore.Counts(0, 1, 0, 0);
            case WAITING -> new ImportBatchStore.Counts(0, 0, 1, 0);
            case SKIPPED -> new ImportBatchStore.Counts(0, 0, 0, 1);
        };
    }

    private List<RecordChange> record(ItemAdoptions item, PlannedRow row, ImportBatchStore.Batch batch,
                                      AtomicReference<Outcome> outcome) {
        Optional<RecordChange> change = item.recordImported(batch.batchId(), row.recordId(), row.importKey(),
                row.content(),
                batch.importedBy(), batch.startedAt(), LocalDate.now(clock));
        outcome.set(change.isPresent() || writtenBy(batch, item, row) ? Outcome.ADDED : Outcome.ON_FILE);
        return change.map(List::of).orElse(List.of());
    }

    /** The item may have been received since the plan was made: then the line is recorded at once. */
    private List<RecordChange> recordOrAwait(ItemAdoptions item, PlannedRow row, ImportBatchStore.Batch batch,
                                             AtomicReference<Outcome> outcome) {
        if (item.facts().received()) {
            return record(item, row, batch, outcome);
        }
        if (item.hasImportKey(row.importKey())) {
            outcome.set(writtenBy(batch, item, row) ? Outcome.ADDED : Outcome.ON_FILE);
            return List.of();
        }
        item.awaitImport(new WaitingImport(batch.batchId(), row.line(), row.recordId(), row.importKey(),
                row.content(), batch.importedBy(), batch.startedAt()));
        outcome.set(Outcome.WAITING);
        return List.of();
    }

    /**
     * Whether the line's record was written by this batch, before a takeover. Records imported before records named
     * their batch carry the batch's upload time and uploader instead (a batch left pending by that version).
     */
    private static boolean writtenBy(ImportBatchStore.Batch batch, ItemAdoptions item, PlannedRow row) {
        return item.find(row.recordId()).filter(r -> r.origin() == RecordOrigin.IMPORTED)
                .filter(r -> r.importBatch() != null ? r.importBatch().equals(batch.batchId())
                        : r.versions().get(0).by().equals(batch.importedBy()) && r.versions().get(0).at()
                        .truncatedTo(ChronoUnit.MILLIS).equals(batch.startedAt().truncatedTo(ChronoUnit.MILLIS)))
                .isPresent();
    }

    /** A problem as the portal shows it: by row and, where the problem is one cell's, by column. */
    static ImportBatchStore.RowError rowError(RowProblem p) {
        return new ImportBatchStore.RowError(p.line(), columnOf(p), p.message());
    }

    private static String columnOf(RowProblem p) {
        return switch (p.code()) {
            case "import.no-item-reference", "item.voided", "item.not-received" -> "item_id";
            case "import.no-such-unit" -> "unit";
            case "import.no-matching-item", "import.ambiguous-item" -> "title";
            case "import.unknown-kind" -> "kind";
            case "import.date-required", "import.bad-date" -> p.message().contains("落实期限") ? "follow_up_due" : "date";
            case "record.date-in-future", "record.date-required" -> "date";
            case "record.issue-required" -> "issue_no";
            case "record.publication-required" -> "publication";
            case "record.leader-required" -> "leader";
            case "record.text-required" -> "text";
            case "follow-up.action-required", "record.follow-up-only-for-instructions" -> "follow_up_action";
            case "follow-up.due-required", "follow-up.due-before-instruction" -> "follow_up_due";
            default -> null;
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
