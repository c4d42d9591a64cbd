package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemContent;
import cn.gov.eqq.govinfo.intake.item.domain.Polarity;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;
import cn.gov.eqq.govinfo.platform.input.CsvUploads;
import cn.gov.eqq.govinfo.platform.work.LeasedWork;


import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Importing the room's records of earlier years (CSV template in {@link PastRecordParser}), in the background. The
 * upload is stored as a batch (the file's text, keyed by its hash) and answered at once; a worker of any replica
 * claims it with a lease and checks every row; any problem fails the batch with all row errors by row and column and
 * nothing is written; a clean file is committed (state WRITING) and its items are written in parts, the progress and
 * the lease renewed with each part. A worker that dies leaves a batch whose lease runs out: another replica claims it
 * and writes on from the last part recorded, so a committed batch always lands whole. Items get ids derived from
 * their content, so importing the same file (or the same record in another file) again adds nothing; the imported
 * items publish the same events as live ones, at their real times, so scoring counts them.
 */
public class HistoryImport {

    /**
     * @param lease      how long a claim holds without being renewed (a dead worker's batch waits this long)
     * @param partRows   rows written per part (one progress write each)
     * @param partPause  a pause after each part, to leave the database to live work during a long import
     */
    public record Settings(Duration lease, int partRows, Duration partPause) {
    }

    /** A batch as a status, and whether the upload was a file imported before. */
    public record Accepted(ImportStore.Batch batch, boolean repeated) {
    }

    static final int MAX_ERRORS_KEPT = 200;

    private final ItemStore items;
    private final ImportStore imports;
    private final Supplier<Collection<Unit>> units;
    private final Clock clock;
    private final Runnable afterWrite;
    private final Executor background;
    private final Settings settings;
    private final LeasedWork work;

    public HistoryImport(ItemStore items, ImportStore imports, Supplier<Collection<Unit>> units, Clock clock,
                         Runnable afterWrite, Executor background, Settings settings) {
        this.items = items;
        this.imports = imports;
        this.units = units;
        this.clock = clock;
        this.afterWrite = afterWrite;
        this.background = background;
        this.settings = settings;
        this.work = new LeasedWork("import", clock, settings.lease(), settings.partPause());
    }

    /** The lease work of this process: its worker's name, stopping at shutdown. */
    public LeasedWork work() {
        return work;
    }

    /** A CSV file of past items, as the room uploaded it, and where the request came from. */
    public record ImportPastRecords(String fileName, byte[] content, String origin) {
    }

    /**
     * Accepts a file: stores it as a QUEUED batch and starts the work in the background. The same file again
     * answers with its batch (a failed one is checked again: the unit directory may have changed since).
     */
    public Accepted accept(Actor room, ImportPastRecords command) {
        if (!room.has(Role.INFO_ROOM)) {
            throw UseCaseFailure.forbidden("只有信息室可以导入历史信息");
        }
        String text = CsvUploads.decode(command.content());
        String batchId = "BATCH-" + sha256(command.content());
        ImportStore.Batch batch = new ImportStore.Batch(batchId, command.fileName(), text, room.userId(),
                command.origin(), clock.instant(), ImportStore.State.QUEUED, 0, 0, 0, 0, 0, 0, List.of(), Map.of(),
                null);
        boolean repeated = false;
        if (!imports.accept(batch)) {
            repeated = !imports.requeue(batchId, room.userId(), command.origin(), clock.instant());
        }
        work.startSoon(background, this::runPending, "历史信息导入 " + batchId);
        ImportStore.Batch now = imports.find(batchId).orElseThrow();
        return new Accepted(now, repeated && now.done());
    }

    /** A batch's state and progress, for the room and the administrator. */
    public ImportStore.Batch status(Actor actor, String batchId) {
        requireRoomOrAdmin(actor);
        return imports.find(batchId).orElseThrow(() -> UseCaseFailure.notFound("导入批次 " + batchId + " 不存在"));
    }

    public List<ImportStore.Batch> recent(Actor actor) {
        requireRoomOrAdmin(actor);
        return imports.recent(50);
    }

    /**
     * Works off every batch that is not finished and not held by a live lease: new ones, and those of a worker
     * that died. Runs on every replica, on a schedule and after each upload. @return batches worked on
     */
    public int runPending() {
        return work.runPending(imports::claimNext, this::run);
    }

    private void run(ImportStore.Batch batch) {
        List<PastRecordParser.PastRecord> records;
        if (batch.state() == ImportStore.State.WRITING) {
            records = PastRecordParser.parse(batch.text(),
                    PastRecordParser.Check.committed(units.get(), batch.units(), clock.instant())).records();
        } else {
            PastRecordParser.Result parsed = PastRecordParser.parse(batch.text(), PastRecordParser.Check.beforeCommit(
                    units.get(), clock.instant(),
                    n -> imports.checking(batch.id(), work.worker(), n, work.leaseFromNow())));
            int checked = parsed.checked();
            if (!parsed.errors().isEmpty()) {
                imports.fail(batch.id(), work.worker(), checked, parsed.errors().size(), parsed.errors().stream()
                        .limit(MAX_ERRORS_KEPT).map(e -> new ImportStore.RowError(e.row(), e.column(), e.message()))
                        .toList(), clock.instant());
                return;
            }
            if (!imports.commit(batch.id(), work.worker(), parsed.records().size(), checked, parsed.units(),
                    work.leaseFromNow())) {
                return; // the lease ran out and another replica took the batch over
            }
            records = parsed.records();
        }
        write(batch, records);
    }

    private void write(ImportStore.Batch batch, List<PastRecordParser.PastRecord> records) {
        Actor room = new Actor(batch.importedBy(), batch.importedBy(), null, Set.of(Role.INFO_ROOM));
        int added = batch.added();
        int present = batch.alreadyPresent();
        for (int from = batch.written(); from < records.size(); from += settings.partRows()) {
            List<PastRecordParser.PastRecord> part = records.subList(from,
                    Math.min(records.size(), from + settings.partRows()));
            ItemStore.Insertion done = items.insertImported(part.stream().map(r -> imported(batch, room, r)).toList(),
                    batch.id());
            added += done.added();
            present += done.alreadyPresent();
            afterWrite.run();
            if (!imports.written(batch.id(), work.worker(), from + part.size(), added, present,
                    work.leaseFromNow())) {
                return; // the lease ran out and another replica took the batch over
            }
            if (!work.afterPart()) {
                return; // shutting down: the lease runs out and a replica writes on from here
            }
        }
        imports.finish(batch.id(), work.worker(), added, present, clock.instant());
    }

    private static ItemStore.ImportedItem imported(ImportStore.Batch batch, Actor room,
                                                   PastRecordParser.PastRecord r) {
        ItemContent content = new ItemContent(r.title(), r.body(), r.category(), r.topics(), null, null, null,
                r.category() == Category.PROBLEM ? Polarity.PROBLEM : null, false, r.majorEmergency(), null, null,
                List.of());
        Item.Transition t = Item.imported(r.itemId(), r.unitId(), content, r.submittedAt(), r.outcome(),
                r.decidedAt(), r.forwardedAt(), r.voidReason(), room);
        List<EventEnvelope<?>> events = ItemEvents.of(t.item(), t.changes());
        List<AuditEntry> audit = t.changes().stream()
                .map(c -> new AuditEntry(c.at(), room.userId(), room.displayName(),
                        "IMPORTED_" + ItemEvents.audit(c, room.displayName(), batch.origin()).action(),
                        null, "批量导入 " + batch.id() + " 第" + r.row() + "行", batch.origin()))
                .toList();
        return new ItemStore.ImportedItem(t.item(), events, audit);
    }

    private static void requireRoomOrAdmin(Actor actor) {
        if (!actor.has(Role.INFO_ROOM) && !actor.has(Role.ADMIN)) {
            throw UseCaseFailure.forbidden("只有信息室和管理员可以查看导入记录");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
