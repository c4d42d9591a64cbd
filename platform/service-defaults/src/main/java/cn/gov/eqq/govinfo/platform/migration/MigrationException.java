package cn.gov.eqq.govinfo.platform.migration;

/** Migrations could not run (bad list, changed migration, lock not obtained in time, a migration failed). */
public class MigrationException extends IllegalStateException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
