package cn.gov.eqq.govinfo.commission.tasking.application;

import cn.gov.eqq.govinfo.commission.tasking.domain.Commission;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where commissions live. Every write is one single-document write that also appends the events it caused to the
 * document's outbox; {@link #update} is conditional on the version the commission was read at.
 */
public interface CommissionStore {

    Optional<Commission> find(String id);

    /** The commission that an item answers, if any. */
    Optional<Commission> findByAnswerItem(String itemId);

    void insert(Commission commission, List<OutboxEntry> outbox);

    /** How an imported commission landed: new, written earlier by the same import (a worker taken over), or there. */
    enum Imported {
        ADDED, ADDED_BY_THIS_IMPORT_BEFORE, PRESENT
    }

    /**
     * Inserts an imported commission with its outbox, marked with its import batch, unless one with its id exists
     * (nothing is written then).
     */
    Imported insertImported(Commission commission, List<OutboxEntry> outbox, String batchId);

    /** Writes the new state if nobody wrote since it was read; false means "read again and retry". */
    boolean update(Commission commission, List<OutboxEntry> outbox);

    /**
     * Commissions, newest deadline first.
     *
     * @param targetUnitId  only those sent to this unit, when not null
     * @param deadlineFrom  only those whose deadline is at or after this, when not null
     * @param deadlineUntil only those whose deadline is before this, when not null
     */
    List<Commission> list(String targetUnitId, Instant deadlineFrom, Instant deadlineUntil);

    /** Ids of commissions that may have reminders due: deadline before {@code horizon}, not yet done. */
    List<String> idsToSweep(Instant horizon);

    /** Ids of commissions holding e-mail copies of reminders that are not yet sent (or given up). */
    List<String> idsWithMailPending();
}
