package cn.gov.eqq.govinfo.platform.imports;

/** An import whose batches are worked off in the background by every replica (ADR 0022); see {@link ImportWorker}. */
public interface BackgroundImport {

    /** Works off every batch that is not finished and not held by a live lease. @return batches worked on */
    int runPending();

    /** This process's worker on the import's batches. */
    ImportWorker worker();

    /** The process is shutting down: work stops after the part being written; the lease runs out. */
    default void stop() {
        worker().stop();
    }

    /** The process runs (again): work may be taken. */
    default void resume() {
        worker().resume();
    }
}
