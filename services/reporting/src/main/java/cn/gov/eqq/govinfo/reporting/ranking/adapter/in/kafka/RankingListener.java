package cn.gov.eqq.govinfo.reporting.ranking.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.reporting.ranking.application.KeepingRankings;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import cn.gov.eqq.govinfo.reporting.ranking.domain.SnapshotAdmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Takes every ranking snapshot that scoring publishes into the history. */
@Component
class RankingListener {

    private static final Logger log = LoggerFactory.getLogger(RankingListener.class);

    private final EventCodec codec;
    private final KeepingRankings keeping;
    private final Clock clock;

    RankingListener(EventCodec codec, KeepingRankings keeping, Clock clock) {
        this.codec = codec;
        this.keeping = keeping;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.RANKINGS, groupId = "${spring.application.name}")
    void on(String value) {
        EventEnvelope<?> envelope = codec.decode(value);
        if (!(envelope.payload() instanceof RankingSnapshotPublished p)) {
            return; // another contract on this topic in a later build: not ours to read
        }
        RankingSnapshot snapshot = new RankingSnapshot(envelope.eventId(), p.period(), p.periodType(), p.group(),
                p.snapshotVersion(), p.computedAt(), p.policyVersion(),
                p.rows().stream().map(RankingListener::line).toList(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        SnapshotAdmission admission = keeping.keep(snapshot);
        if (admission != SnapshotAdmission.KEEP) {
            log.info("Ranking {} v{} not kept: {}", snapshot.key(), snapshot.snapshotVersion(), admission);
        }
    }

    private static RankingLine line(RankingRow r) {
        return new RankingLine(r.rank(), r.unitId(), r.unitName(), r.points(), r.submissionPoints(), r.forwardPoints(),
                r.adoptionPoints(), r.commissionPoints(), r.deductionPoints(), r.receivedItems(), r.quota(),
                r.shortfall());
    }
}
