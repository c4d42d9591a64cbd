package cn.gov.eqq.govinfo.reporting.circular.application;

import cn.gov.eqq.govinfo.contracts.reporting.CloudEvent;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularKind;

import cn.gov.eqq.govinfo.reporting.shared.domain.Sequenced;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where circulars live, with the events to announce stored in the same single-document write. */
public interface CircularStore {

    /** Inserts a new circular; false when one with that id already exists. */
    boolean create(Circular circular);

    /**
     * Replaces the circular's state if it still has {@code expectedRevision}, appending {@code announce} to its outbox
     * in the same write; false when someone else changed it first.
     */
    boolean update(Circular next, long expectedRevision, List<CloudEvent<?>> announce);

    Optional<Circular> find(String id);

    /** Every version of one circular, oldest first. */
    List<Circular> series(String seriesId);

    /** Circulars, newest change first, optionally of one period and kind. */
    List<Circular> list(String period, CircularKind kind);

    /**
     * The dashboard feed: published (and superseded) versions with a feed sequence number above {@code afterSeq},
     * lowest first, up to the feed's readable horizon; optionally only those changed after {@code changedAfter}.
     */
    Sequenced.Page<Circular> published(long afterSeq, Instant changedAfter, int size);

    /** The next number of the year's sequence of 鄂前政办信 documents. */
    long nextDocumentSequence(int year);
}
