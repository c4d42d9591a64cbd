package cn.gov.eqq.govinfo.reporting.ranking.application;

import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import cn.gov.eqq.govinfo.reporting.ranking.domain.SnapshotAdmission;

/**
 * Keeps what scoring publishes. Written without multi-document transactions: the history write is idempotent
 * (one document per version) and the latest is a conditional single-document update, so a crash between the two and
 * the redelivery that follows end in the same state. A redelivered event carries a version no higher than the one
 * held and is recognised as a duplicate by that.
 */
public class KeepingRankings {

    private final RankingSnapshots snapshots;

    public KeepingRankings(RankingSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    public SnapshotAdmission keep(RankingSnapshot incoming) {
        SnapshotAdmission admission = SnapshotAdmission.decide(snapshots.latestVersion(incoming.key()).orElse(null),
                incoming.snapshotVersion());
        if (admission == SnapshotAdmission.KEEP) {
            snapshots.addToHistory(incoming);
            snapshots.makeLatestIfNewer(incoming);
        }
        return admission;
    }
}
