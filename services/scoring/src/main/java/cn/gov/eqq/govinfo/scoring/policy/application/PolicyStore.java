package cn.gov.eqq.govinfo.scoring.policy.application;

import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;

import java.time.Instant;
import java.util.List;

/**
 * Port: policy versions added by administrators (the shipped version is a resource file; only its announcement is
 * stored, see {@link #announceShipped}). Each added version carries a mark until every stored item has been scored
 * again under the history that includes it.
 */
public interface PolicyStore {

    List<ScoringPolicy> all();

    /**
     * Stores a new version, marked as awaiting the re-scoring of the periods it governs, with its
     * {@code PolicyVersionAdded} in the document's outbox (one single-document write: the version stored and the
     * fact published cannot diverge).
     *
     * @return false when the version name is taken
     */
    boolean insert(ScoringPolicy policy, String addedBy, Instant addedAt, OutboxEntry published);

    /**
     * Stores a version read back from the policy topic during a replay, unless one of that name is stored: nothing
     * to publish (it is on the log already), nothing to re-score (the replay scores every item anyway).
     *
     * @return true when it was missing and is now stored
     */
    boolean restore(ScoringPolicy policy, String addedBy, Instant addedAt);

    /**
     * Stores, once, the announcement of the version that ships with the system: a document for it, never listed by
     * {@link #all()} and never awaiting re-scoring, with its {@code PolicyVersionAdded} in the document's outbox, so
     * that the other services learn the shipped version's quotas as they learn every added one.
     *
     * @return false when it was announced before (by this replica or another)
     */
    boolean announceShipped(ScoringPolicy shipped, String addedBy, Instant at, OutboxEntry published);

    /** A version whose periods have not yet been scored again. */
    record AwaitingRescore(String version, java.time.LocalDate effectiveFrom) {
    }

    List<AwaitingRescore> awaitingRescore();

    void rescored(List<String> versions, Instant at);
}
