package cn.gov.eqq.govinfo.commission.tasking.application;

import cn.gov.eqq.govinfo.commission.tasking.domain.Commission;
import cn.gov.eqq.govinfo.commission.tasking.domain.CommissionImportCheck;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommission;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommissionRow;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Import (补录) of past commissions with their answers and judgements. Staging and commit, without multi-document
 * transactions:
 * <ol>
 *   <li>check the whole import; any problem refuses it whole, every problem told (nothing written);</li>
 *   <li>commit: write one batch document holding every checked commission, keyed by the content's hash;</li>
 *   <li>apply: insert each commission by its fixed id, its state and its events in one single-document write
 *       (an id already there is skipped, so applying again adds nothing);</li>
 *   <li>mark the batch done. A batch left pending (the process died while applying) is applied again by
 *       {@link #completePending}, at start and then periodically, by any replica.</li>
 * </ol>
 * Sending the same import again answers with the earlier outcome and adds nothing.
 */
public class ImportingPastCommissions {

    public record Outcome(String batchId, int commissions, int added, int alreadyPresent, boolean repeated,
                          List<String> commissionIds) {
    }

    private static final int MAX_PROBLEMS_SHOWN = 200;
    /** A pending batch younger than this is probably still being applied by the request that committed it. */
    private static final Duration RESUME_AFTER = Duration.ofSeconds(30);

    private final CommissionStore commissions;
    private final CommissionImportStore batches;
    private final UnitDirectory units;
    private final IntegrationEvents events;
    private final Clock clock;
    private final Runnable afterWrite;

    public ImportingPastCommissions(CommissionStore commissions, CommissionImportStore batches,
                                    UnitDirectory units, IntegrationEvents events, Clock clock, Runnable afterWrite) {
        this.commissions = commissions;
        this.batches = batches;
        this.units = units;
        this.events = events;
        this.clock = clock;
        this.afterWrite = afterWrite;
    }

    public Outcome importPast(List<PastCommissionRow> rows, String importedBy, String origin) {
        Instant now = clock.instant();
        // the same import sent again is known by its content before it is checked (its ids now exist)
        String batchId = batchId(rows);
        Optional<CommissionImportStore.Batch> earlier = batches.find(batchId);
        if (earlier.isPresent()) {
            return again(earlier.get());
        }
        CommissionImportCheck.Result checked = CommissionImportCheck.check(rows, new CommissionImportCheck.Known() {
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
        }, now);
        if (!checked.acceptable()) {
            UseCaseFailure problem = UseCaseFailure.invalid("import.invalid", "导入内容有 "
                    + checked.problems().size() + " 处错误，未导入任何数据；请修改后重新导入");
            checked.problems().stream().limit(MAX_PROBLEMS_SHOWN).forEach(p -> problem.withField(p.where(), p.message()));
            throw problem;
        }
        CommissionImportStore.Batch batch = new CommissionImportStore.Batch(batchId, checked.commissions(),
                importedBy, origin, now, false, 0, 0);
        if (!batches.begin(batch)) {
            return again(batches.find(batchId).orElseThrow());
        }
        return apply(batch);
    }

    /** Applies batches that were committed but not finished (a crash while applying); returns how many. */
    public int completePending() {
        int completed = 0;
        for (CommissionImportStore.Batch batch : batches.pendingSince(clock.instant().minus(RESUME_AFTER))) {
            apply(batch);
            completed++;
        }
        return completed;
    }

    public List<CommissionImportStore.Batch> recent() {
        return batches.recent(50);
    }

    private Outcome again(CommissionImportStore.Batch earlier) {
        if (!earlier.done()) {
            return apply(earlier); // an earlier attempt stopped half-way: finish it now
        }
        return new Outcome(earlier.id(), earlier.commissions().size(), 0, earlier.commissions().size(), true,
                ids(earlier));
    }

    private Outcome apply(CommissionImportStore.Batch batch) {
        int added = 0;
        int present = 0;
        for (PastCommission past : batch.commissions()) {
            Commission.Issuing issuing = Commission.imported(past, batch.importedBy(), clock.instant());
            if (commissions.insertIfAbsent(issuing.commission(),
                    events.outboxEntries(issuing.events(), clock.instant()))) {
                added++;
            } else {
                present++;
            }
        }
        batches.finish(batch.id(), added, present, clock.instant());
        afterWrite.run();
        return new Outcome(batch.id(), batch.commissions().size(), added, present, false, ids(batch));
    }

    private static List<String> ids(CommissionImportStore.Batch batch) {
        return batch.commissions().stream().map(PastCommission::id).toList();
    }

    /** The hash of the content as sent: the same commissions, answers and judgements give the same batch. */
    static String batchId(List<PastCommissionRow> commissions) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(commissions).getBytes(StandardCharsets.UTF_8));
            return "CIMP-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
