package cn.gov.eqq.govinfo.reporting.ranking.domain;

/**
 * Whether an incoming snapshot joins the history. Scoring numbers the versions of one {@code period|group}; a
 * redelivery (the same version again) and a version older than the one held are dropped, so the history only ever
 * grows forward and the latest is always the highest version.
 */
public enum SnapshotAdmission {
    KEEP, DUPLICATE, OLDER_THAN_HELD;

    /** @param heldVersion the highest version already kept for the key, or {@code null} when none */
    public static SnapshotAdmission decide(Long heldVersion, long incomingVersion) {
        if (heldVersion == null || incomingVersion > heldVersion) {
            return KEEP;
        }
        return incomingVersion == heldVersion ? DUPLICATE : OLDER_THAN_HELD;
    }
}
