package cn.gov.eqq.govinfo.reporting.ranking.domain;

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

    /** Latest snapshots kept after {@code since} (all when null), oldest change first, paged. */
    Slice<RankingSnapshot> latestChangedSince(Instant since, String period, int page, int size);

    record Slice<T>(List<T> items, long total) {
        public Slice {
            items = List.copyOf(items);
        }
    }
}
