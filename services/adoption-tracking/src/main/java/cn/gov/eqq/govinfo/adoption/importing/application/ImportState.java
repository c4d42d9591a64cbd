package cn.gov.eqq.govinfo.adoption.importing.application;

/**
 * The states of an import batch (ADR 0022): QUEUED → CHECKING → FAILED (problems, nothing written) or → WRITING
 * (committed: written whole, whoever writes it) → DONE. Their Chinese names are the platform's
 * ({@code platform.work.BatchStates}), the same on every service's batch view.
 */
public enum ImportState {
    QUEUED, CHECKING, WRITING, DONE, FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
