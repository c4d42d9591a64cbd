package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyLog;
import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.shared.application.SnapshotStore;
import cn.gov.eqq.govinfo.scoring.shared.application.UnitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Rebuilds the read model from the event topics alone: stop consuming, restore every policy version the policy topic
 * holds and the store lacks, delete item records and the unit directory, rewind the consumer group to the beginning,
 * consume again. Stored policy versions and snapshot version counters are kept, so snapshots published after a
 * replay still carry higher versions. Publishing and re-scoring wait until the replay has caught up.
 */
public class Replay {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public record Status(State state, Instant startedAt, Instant finishedAt, String requestedBy, long items,
                         String message) {
    }

    private static final Logger log = LoggerFactory.getLogger(Replay.class);

    private final EventSource source;
    private final ItemScoreStore items;
    private final UnitStore units;
    private final SnapshotStore snapshots;
    private final Policies policies;
    private final PolicyLog policyLog;
    private volatile Status status = new Status(State.IDLE, null, null, null, 0, "尚未重放");

    public Replay(EventSource source, ItemScoreStore items, UnitStore units, SnapshotStore snapshots,
                  Policies policies, PolicyLog policyLog) {
        this.source = source;
        this.items = items;
        this.units = units;
        this.snapshots = snapshots;
        this.policies = policies;
        this.policyLog = policyLog;
    }

    /** @return false when a replay is already running */
    public synchronized boolean start(String requestedBy) {
        if (status.state() == State.RUNNING) {
            return false;
        }
        status = new Status(State.RUNNING, Instant.now(), null, requestedBy, 0, "正在从事件主题重建");
        Thread worker = new Thread(() -> run(requestedBy), "scoring-replay");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    public Status status() {
        return status;
    }

    public boolean running() {
        return status.state() == State.RUNNING;
    }

    private void run(String requestedBy) {
        Instant started = status.startedAt();
        try {
            source.stop();
            // the policy history first, from its own topic: every item is then scored under all of it
            List<String> restored = policies.restoreFrom(policyLog);
            if (!restored.isEmpty()) {
                log.info("replay restored policy versions {} from the policy topic", restored);
            }
            // every item is stored again from a higher scoreVersion: what it publishes is newer than what it did
            items.nextReplayGeneration();
            items.deleteAll();
            units.deleteAll();
            source.rewindToBeginning();
            snapshots.markAllDirty(Instant.now());
            source.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (!source.caughtUp()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("重放 30 分钟仍未追上事件主题");
                }
                Thread.sleep(200);
            }
            status = new Status(State.DONE, started, Instant.now(), requestedBy, items.count(), "重建完成");
            log.info("replay done: {} items", status.items());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = new Status(State.FAILED, started, Instant.now(), requestedBy, 0, "重放被中断");
        } catch (RuntimeException e) {
            log.error("replay failed", e);
            status = new Status(State.FAILED, started, Instant.now(), requestedBy, 0, "重放失败：" + e.getMessage());
            try {
                source.start();
            } catch (RuntimeException ignored) {
                // the failure above is what the operator needs to see
            }
        }
    }
}
