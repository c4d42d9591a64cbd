package cn.gov.eqq.govinfo.commission.tasking.application;

import cn.gov.eqq.govinfo.commission.tasking.domain.Commission;
import cn.gov.eqq.govinfo.commission.tasking.domain.CommissionImportCheck;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommission;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommissionRow;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;
import cn.gov.eqq.govinfo.platform.input.CsvUploads;
import cn.gov.eqq.govinfo.platform.work.LeasedWork;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Import (补录) of past commissions with their answers and judgements, in the background (ADR 0022). What was sent
 * (the JSON commissions, or a CSV file made from {@link PastCommissionFile#TEMPLATE}) is stored as a batch keyed by
 * its content's hash and answered at once; a worker of any replica claims the batch with a lease and checks it
 * whole; any problem fails the batch with every problem and nothing is written. A clean check is the commit (state
 * WRITING, the checked commissions stored with the batch); the commissions are then inserted in parts by their
 * fixed ids, each with its state and events in one single-document write, the progress and the lease renewed after
 * each part. A worker that dies leaves a batch whose lease runs out: another replica claims it and writes on from
 * the last part recorded, so a committed batch always lands whole, each commission and event once.
 */
public class ImportingPastCommissions {

    /**
     * @param lease     how long a claim holds without being renewed (a dead worker's batch waits this long)
     * @param partSize  commissions written per part (one progress write each)
     * @param partPause a pause after each part, to leave the database to live work during a long import
     */
    public record Settings(Duration lease, int partSize, Duration partPause) {
    }

    /** The commissions as JSON gave them. */
    public record ImportCommissions(List<PastCommissionRow> commissions, String importedBy, String origin) {
    }

    /** A CSV file made from the template, as uploaded. */
    public record ImportCommissionFile(String fileName, byte[] content, String importedBy, String origin) {
    }

    /** A batch as a status, and whether what was sent had been imported before. */
    public record Accepted(CommissionImportStore.Batch batch, boolean repeated) {
    }

    static final int MAX_ERRORS_KEPT = 200;

    private final CommissionStore commissions;
    private final CommissionImportStore batches;
    private final UnitDirectory units;
    private final IntegrationEvents events;
    private final Clock clock;
    private final Runnable afterWrite;
    private final Executor background;
    private final Settings settings;
    private final LeasedWork work;

    public ImportingPastCommissions(CommissionStore commissions, CommissionImportStore batches, UnitDirectory units,
                                    IntegrationEvents events, Clock clock, Runnable afterWrite, Executor background,
                                    Settings settings) {
        this.commissions = commissions;
        this.batches = batches;
        this.units = units;
        this.events = events;
        this.clock = clock;
        this.afterWrite = afterWrite;
        this.background = background;
        this.settings = settings;
        this.work = new LeasedWork("commission-import", clock, settings.lease(), settings.partPause());
    }

    public Accepted accept(ImportCommissions command) {
        List<PastCommissionRow> rows = command.commissions();
        if (rows == null || rows.isEmpty()) {
            throw UseCaseFailure.invalid("import.empty", "导入内容为空：请至少填写一条约稿");
        }
        return accept(batchId(rows), null, new CommissionImportStore.Input(rows, null), rows.size(),
                command.importedBy(), command.origin());
    }

    public Accepted accept(ImportCommissionFile command) {
        if (command.content() == null || command.content().length == 0) {
            throw UseCaseFailure.invalid("import.empty", "上传的文件为空");
        }
        return accept("CIMP-F-" + sha256(command.content()), command.fileName(),
                new CommissionImportStore.Input(List.of(), CsvUploads.decode(command.content())), 0,
                command.importedBy(), command.origin());
    }

    /**
     * Stores a QUEUED batch and starts the work in the background. The same content again answers with its batch
     * (a failed one is checked again: the units may be known by now).
     */
    private Accepted accept(String batchId, String fileName, CommissionImportStore.Input input, int rows,
                            String importedBy, String origin) {
        CommissionImportStore.Batch batch = new CommissionImportStore.Batch(batchId, fileName, input, importedBy,
                origin, clock.instant(), CommissionImportStore.State.QUEUED, rows, 0, 0, 0, 0, 0, List.of(),
                List.of(), List.of(), null);
        boolean repeated = false;
        if (!batches.accept(batch)) {
            repeated = !batches.requeue(batchId, importedBy, origin, clock.instant());
        }
        work.startSoon(background, this::runPending, "约稿补录 " + batchId);
        CommissionImportStore.Batch now = batches.find(batchId).orElseThrow();
        return new Accepted(now, repeated && now.done());
    }

    public CommissionImportStore.Batch status(String batchId) {
        return batches.find(batchId).orElseThrow(() -> UseCaseFailure.notFound("补录批次 " + batchId + " 不存在"));
    }

    public List<CommissionImportStore.Batch> recent() {
        return batches.recent(50);
    }

    /** The lease work of this process: its worker's name, stopping at shutdown. */
    public LeasedWork work() {
        return work;
    }

    /**
     * Works off every batch that is not finished and not held by a live lease: new ones, and those of a worker
     * that died. Runs on every replica, on a schedule and after each import sent. @return batches worked on
     */
    public int runPending() {
        return work.runPending(batches::claimNext, this::run);
    }

    private void run(CommissionImportStore.Batch batch) {
        List<PastCommission> planned = batch.commissions();
        if (batch.state() != CommissionImportStore.State.WRITING) {
            PastCommissionFile.Read read = batch.input().csv() != null
                    ? PastCommissionFile.csv(batch.input().csv()) : PastCommissionFile.json(batch.input().commissions());
            CommissionImportCheck.Result checked = CommissionImportCheck.check(read.commissions(), known(),
                    clock.instant());
            List<CommissionImportStore.RowError> errors = errors(read, checked);
            if (!errors.isEmpty()) {
                batches.fail(batch.id(), work.worker(), read.commissions().size(), errors.size(),
                        errors.stream().limit(MAX_ERRORS_KEPT).toList(), clock.instant());
                return;
            }
            if (!batches.commit(batch.id(), work.worker(), read.commissions().size(), checked.commissions(),
                    work.leaseFromNow())) {
                return; // the lease ran out and another replica took the batch over
            }
            planned = checked.commissions();
        }
        write(batch, planned);
    }

    /** The file's unreadable cells first, then the check's problems, but none twice for one cell. */
    private static List<CommissionImportStore.RowError> errors(PastCommissionFile.Read read,
                                                               CommissionImportCheck.Result checked) {
        List<CommissionImportStore.RowError> errors = new ArrayList<>(read.problems());
        Set<String> unreadable = new HashSet<>();
        read.problems().forEach(p -> unreadable.add(p.row() + "|" + p.column()));
        checked.problems().stream().map(read::locate)
                .filter(e -> !unreadable.contains(e.row() + "|" + e.column()))
                .forEach(errors::add);
        return errors;
    }

    private void write(CommissionImportStore.Batch batch, List<PastCommission> planned) {
        int added = batch.added();
        int present = batch.alreadyPresent();
        for (int from = batch.written(); from < planned.size(); from += settings.partSize()) {
            List<PastCommission> part = planned.subList(from, Math.min(planned.size(), from + settings.partSize()));
            for (PastCommission past : part) {
                Commission.Issuing issuing = Commission.imported(past, batch.importedBy(), clock.instant());
                CommissionStore.Imported landed = commissions.insertImported(issuing.commission(),
                        events.outboxEntries(issuing.events(), clock.instant()), batch.id());
                if (landed == CommissionStore.Imported.PRESENT) {
                    present++;
                } else {
                    added++;
                }
            }
            afterWrite.run();
            if (!batches.written(batch.id(), work.worker(), from + part.size(), added, present,
                    work.leaseFromNow())) {
                return; // the lease ran out and another replica took the batch over
            }
            if (!work.afterPart()) {
                return; // shutting down: the lease runs out and a replica writes on from here
            }
        }
        batches.finish(batch.id(), work.worker(), added, present, clock.instant());
    }

    private CommissionImportCheck.Known known() {
        return new CommissionImportCheck.Known() {
            @Override
            public boolean unit(String unitId) {
                return units.find(unitId).isPresent();
            }

            @Override
            public boolean commission(String commissionId) {
                return commissions.find(commissionId).isPresent();
            }

            @Override
            public Optional<String> commissionAnsweredBy(String itemId) {
                return commissions.findByAnswerItem(itemId).map(Commission::id);
            }
        };
    }

    /**
     * The hash of the JSON content as sent: the same commissions, answers and judgements give the same batch (the
     * id imports had before they ran in the background, so a repeat of an old import is still known).
     */
    static String batchId(List<PastCommissionRow> commissions) {
        return "CIMP-" + sha256(String.valueOf(commissions).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
