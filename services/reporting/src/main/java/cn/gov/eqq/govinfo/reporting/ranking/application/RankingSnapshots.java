package cn.gov.eqq.govinfo.reporting.ranking.application;

import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import cn.gov.eqq.govinfo.reporting.shared.domain.Sequenced;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where the kept ranking snapshots live (every version, and the latest per {@code period|group}). */
public interface RankingSnapshots {

    /** The highest version held for the key, if any. */
    Optional<Long> latestVersion(String key);

    /** Stores one version in the history; storing the same version again changes nothing. */
    void addToHistory(RankingSnapshot snapshot);

    /** Makes the snapshot the latest of its key unless a higher version is already latest. */
    void makeLatestIfNewer(RankingSnapshot snapshot);

    Optional<RankingSnapshot> latest(String period, int group);

    /** Every kept version, oldest first. */
    List<RankingSnapshot> history(String period, int group);

    /** The latest snapshot of every group for one period. */
    List<RankingSnapshot> latestOfPeriod(String period);

    /**
     * The dashboard feed: latest snapshots with a feed sequence number above {@code afterSeq}, lowest first, at most
     * {@code size}, only up to the feed's readable horizon (so a keep in progress is never passed over); optionally
     * only those kept after {@code keptAfter} and of one {@code period}.
     */
    Sequenced.Page<RankingSnapshot> latestAfter(long afterSeq, Instant keptAfter, String period, int size);
}
