package cn.gov.eqq.govinfo.reporting.circular.application;

import cn.gov.eqq.govinfo.contracts.reporting.CloudEvent;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularKind;

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

    /** Published (and superseded) versions changed after {@code since} (all when null), oldest change first. */
    Page published(Instant since, int page, int size);

    /** The next number of the year's sequence of 鄂前政办信 documents. */
    long nextDocumentSequence(int year);

    record Page(List<Circular> items, long total) {
        public Page {
            items = List.copyOf(items);
        }
    }
}
