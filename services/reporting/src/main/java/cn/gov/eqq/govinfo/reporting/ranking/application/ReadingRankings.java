package cn.gov.eqq.govinfo.reporting.ranking.application;

import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import cn.gov.eqq.govinfo.reporting.shared.domain.Sequenced;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading the kept rankings: the latest and every version of one group's ranking, and the dashboard's feed. */
public class ReadingRankings {

    /**
     * One page of the dashboard feed: latest snapshots with a feed sequence number above {@code afterSeq}, at most
     * {@code size}; optionally only those kept after {@code keptAfter} and of one {@code period} (a period code).
     */
    public record ReadFeedPage(long afterSeq, Instant keptAfter, String period, int size) {
    }

    private final RankingSnapshots snapshots;

    public ReadingRankings(RankingSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    public Optional<RankingSnapshot> latest(String period, int group) {
        return snapshots.latest(period, group);
    }

    /** Every kept version, oldest first. */
    public List<RankingSnapshot> history(String period, int group) {
        return snapshots.history(period, group);
    }

    public Sequenced.Page<RankingSnapshot> feedPage(ReadFeedPage query) {
        return snapshots.latestAfter(query.afterSeq(), query.keptAfter(), query.period(), query.size());
    }
}
