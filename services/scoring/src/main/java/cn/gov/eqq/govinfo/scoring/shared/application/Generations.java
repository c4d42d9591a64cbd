package cn.gov.eqq.govinfo.scoring.shared.application;

import java.util.Set;

/** Port: the shared {@link GenerationPointer} and the collections of each generation (docs/adr/0021). */
public interface Generations {

    /** The pointer as stored now. */
    GenerationPointer read();

    /** The pointer as this replica last read it, at most about a second ago: what the stores follow. */
    GenerationPointer current();

    /** Replaces the pointer if nobody changed it since {@code expected} was read; false otherwise. */
    boolean replace(GenerationPointer expected, GenerationPointer next);

    /** Runs the action in this replica whenever it sees the live generation change (first read excepted). */
    void whenLiveChanges(Runnable action);

    /** Creates generation g's collections, empty, with their indexes. */
    void create(long generation);

    /** Drops generation g's collections. */
    void drop(long generation);

    /** The generations that have collections in the database. */
    Set<Long> stored();
}
