package cn.gov.eqq.govinfo.platform.migration;

/**
 * The database was migrated by a newer release than this one: starting would read shapes this code does not know,
 * so the service refuses to start. Roll forward to the newer release, or restore a backup of the older database.
 */
public class DatabaseNewerThanCodeException extends IllegalStateException {

    private final int databaseVersion;
    private final int codeVersion;

    public DatabaseNewerThanCodeException(String database, int databaseVersion, int codeVersion) {
        super("database '" + database + "' is at schema version " + databaseVersion
                + ", newer than this code's newest migration " + codeVersion
                + ": refusing to start (deploy the release that migrated it, or restore an older backup)");
        this.databaseVersion = databaseVersion;
        this.codeVersion = codeVersion;
    }

    public int databaseVersion() {
        return databaseVersion;
    }

    public int codeVersion() {
        return codeVersion;
    }
}
