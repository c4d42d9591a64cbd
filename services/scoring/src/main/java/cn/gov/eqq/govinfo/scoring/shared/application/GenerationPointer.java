package cn.gov.eqq.govinfo.scoring.shared.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which generation of the item and unit collections every replica reads and writes ({@code live}), and the rebuild
 * of a new one, if any ({@code building}): one shared document, changed only by a conditional replace on
 * {@code revision} (docs/adr/0021). Generation 0 is the collections' original names; a build takes a number higher
 * than every earlier one and than the replay counter kept before generations existed ({@code legacy}), because an
 * item first stored in generation g starts its {@code scoreVersion} at g × 1,000,000 + 1 (docs/adr/0018).
 * <p>
 * A build is alive while its claimant renews the lease; a lapsed lease reads as a failed build, which live ingestion
 * stops writing into and a new build replaces. After a switch the generation that was live ({@code previous}) goes on
 * receiving every replica's writes until {@code previousUntil}: a replica that has not yet seen the switch still reads
 * it, and must read it complete. Every transition below returns the next pointer, or empty when it is
 * not allowed from this one.
 */
public record GenerationPointer(long revision, long live, Long building, String claimedBy, Instant leaseUntil,
                                String requestedBy, Instant startedAt, Instant finishedAt, State state,
                                long eventsRead, long items, String message, long highest, long legacy,
                                Long previous, Instant previousUntil) {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    /** Before any build: generation 0 live, numbered after the replay counter kept before generations existed. */
    public static GenerationPointer initial(long legacyCounter) {
        return new GenerationPointer(0, 0, null, null, null, null, null, null, State.IDLE, 0, 0, "尚未重建",
                legacyCounter, legacyCounter, null, null);
    }

    /** A build is under way and its claimant renewed the lease in time: live ingestion writes into it too. */
    public boolean buildAlive(Instant now) {
        return building != null && state == State.RUNNING && leaseUntil != null && leaseUntil.isAfter(now);
    }

    /** The generation live before the last switch still receives writes: replicas may not have seen the switch. */
    public boolean previousAlive(Instant now) {
        return previous != null && previousUntil != null && previousUntil.isAfter(now);
    }

    /** The generation whose number bases the {@code scoreVersion} of an item first stored in generation g. */
    public long scoreBase(long generation) {
        return generation == 0 ? legacy : generation;
    }

    /** A new build by this replica, unless another one's lease is still running. */
    public Optional<GenerationPointer> claim(String replica, String requestedBy, Instant now, Duration lease) {
        if (buildAlive(now)) {
            return Optional.empty();
        }
        long next = Math.max(Math.max(highest, legacy), live) + 1;
        return Optional.of(new GenerationPointer(revision + 1, live, next, replica, now.plus(lease), requestedBy,
                now, null, State.RUNNING, 0, 0, "正在重建第 " + next + " 代", next, legacy, previous, previousUntil));
    }

    /** The claimant's heartbeat with its progress; refused once the lease lapsed (live ingestion stopped writing). */
    public Optional<GenerationPointer> renew(String replica, Instant now, Duration lease, long read, long stored) {
        if (!heldBy(replica, now)) {
            return Optional.empty();
        }
        return Optional.of(new GenerationPointer(revision + 1, live, building, claimedBy, now.plus(lease),
                requestedBy, startedAt, null, State.RUNNING, read, stored, message, highest, legacy, previous,
                previousUntil));
    }

    /**
     * The build caught up: it becomes live for every replica at once, and the generation that was live goes on
     * receiving writes for {@code grace} (longer than a replica caches the pointer).
     */
    public Optional<GenerationPointer> switchLive(String replica, Instant now, long read, long stored,
                                                  Duration grace) {
        if (!heldBy(replica, now)) {
            return Optional.empty();
        }
        return Optional.of(new GenerationPointer(revision + 1, building, null, null, null, requestedBy, startedAt,
                now, State.DONE, read, stored, "重建完成：第 " + building + " 代已启用", highest, legacy, live,
                now.plus(grace)));
    }

    /** The claimant gives up; the live generation stays. */
    public Optional<GenerationPointer> fail(String replica, Instant now, String why) {
        if (building == null || !replica.equals(claimedBy)) {
            return Optional.empty();
        }
        return Optional.of(new GenerationPointer(revision + 1, live, null, null, null, requestedBy, startedAt, now,
                State.FAILED, eventsRead, items, why, highest, legacy, previous, previousUntil));
    }

    /** The state as an operator is told it: a build whose lease lapsed is reported failed. */
    public GenerationPointer asSeenAt(Instant now) {
        if (state != State.RUNNING || buildAlive(now)) {
            return this;
        }
        return new GenerationPointer(revision, live, building, claimedBy, leaseUntil, requestedBy, startedAt,
                leaseUntil, State.FAILED, eventsRead, items, "重建中断：副本 " + claimedBy + " 已停止", highest, legacy,
                previous, previousUntil);
    }

    private boolean heldBy(String replica, Instant now) {
        return buildAlive(now) && replica.equals(claimedBy);
    }
}
