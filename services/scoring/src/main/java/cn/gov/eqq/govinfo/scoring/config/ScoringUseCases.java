package cn.gov.eqq.govinfo.scoring.config;

import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.scoring.policy.application.CircularStore;
import cn.gov.eqq.govinfo.scoring.ledger.application.EventIngestion;
import cn.gov.eqq.govinfo.scoring.ledger.application.EventSource;
import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.ledger.application.ItemScores;
import cn.gov.eqq.govinfo.scoring.ledger.application.ItemScoresBackfill;
import cn.gov.eqq.govinfo.scoring.ledger.application.LiveIngestion;
import cn.gov.eqq.govinfo.scoring.shared.application.Generations;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyLog;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyStore;
import cn.gov.eqq.govinfo.scoring.ledger.application.Replay;
import cn.gov.eqq.govinfo.scoring.ledger.application.Rescoring;
import cn.gov.eqq.govinfo.scoring.ranking.application.ScoreQueries;
import cn.gov.eqq.govinfo.scoring.ranking.application.SnapshotPublisher;
import cn.gov.eqq.govinfo.scoring.shared.application.SnapshotStore;
import cn.gov.eqq.govinfo.scoring.shared.application.UnitStore;
import cn.gov.eqq.govinfo.scoring.policy.application.WhatIf;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The use cases, made beans here so that the application layer stays free of Spring; the ports they take are the
 * adapters' beans, the timings come from {@code govinfo.scoring.*}.
 */
@Configuration(proxyBeanMethods = false)
class ScoringUseCases {

    @Bean
    Policies policies(PolicyStore store, CircularStore circulars, Clock clock, ScoringPolicy shippedPolicy,
                      EventCodec codec, OutboxRelay relay) {
        return new Policies(store, circulars, clock, shippedPolicy, codec, relay);
    }

    @Bean
    ItemScores itemScores(EventCodec codec, Clock clock, OutboxRelay relay) {
        return new ItemScores(codec, clock, relay);
    }

    @Bean
    EventIngestion eventIngestion(ItemScoreStore items, UnitStore units, SnapshotStore snapshots, Policies policies,
                                  ItemScores scores) {
        return new EventIngestion(items, units, snapshots, policies, scores);
    }

    @Bean
    ItemScoresBackfill itemScoresBackfill(ItemScoreStore items, ItemScores scores, Policies policies) {
        return new ItemScoresBackfill(items, scores, policies);
    }

    @Bean
    ScoreQueries scoreQueries(ItemScoreStore items, UnitStore units, Policies policies, SnapshotStore snapshots,
                              EventCodec codec) {
        return new ScoreQueries(items, units, policies, snapshots, codec);
    }

    @Bean
    WhatIf whatIf(ItemScoreStore items, UnitStore units, Policies policies) {
        return new WhatIf(items, units, policies);
    }

    @Bean
    LiveIngestion liveIngestion(EventIngestion ingestion, Generations generations, ItemScoreStore items,
                                UnitStore units, SnapshotStore snapshots) {
        // a replica that sees a new live generation publishes every ranking again from it: whatever it published
        // from the old one in the second before it saw the switch is replaced (docs/adr/0021)
        generations.whenLiveChanges(() -> snapshots.markAllDirty(Instant.now()));
        return new LiveIngestion(ingestion, generations, items, units);
    }

    @Bean
    Replay replay(EventSource source, Generations generations, ItemScoreStore items, UnitStore units,
                  EventIngestion ingestion, ItemScoresBackfill backfill, Policies policies, PolicyLog policyLog,
                  @Value("${HOSTNAME:scoring}") String host,
                  @Value("${govinfo.scoring.replay-lease:30s}") Duration lease,
                  @Value("${govinfo.scoring.replay-settle:3s}") Duration settle,
                  @Value("${govinfo.scoring.replay-drop-after:60s}") Duration dropAfter,
                  @Value("${govinfo.scoring.replay-chunk:10000}") int chunk,
                  @Value("${govinfo.scoring.replay-fold-max:50000}") int foldMax) {
        String replica = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Replay(source, generations, items, units, ingestion, backfill, policies, policyLog,
                new Replay.Settings(replica, lease, settle, dropAfter, chunk, foldMax));
    }

    @Bean
    SnapshotPublisher snapshotPublisher(SnapshotStore snapshots, ScoreQueries queries, EventCodec codec,
                                        OutboxRelay relay, Clock clock,
                                        @Value("${govinfo.scoring.publish-quiet:100ms}") Duration quiet,
                                        @Value("${govinfo.scoring.publish-max-delay:500ms}") Duration maxDelay) {
        return new SnapshotPublisher(snapshots, queries, codec, relay, clock, quiet, maxDelay);
    }

    @Bean
    Rescoring rescoring(PolicyStore policyStore, Policies policies, ItemScoreStore items, UnitStore units,
                        SnapshotStore snapshots, EventIngestion ingestion, Replay replay, Clock clock,
                        @Value("${govinfo.scoring.rescore-settle:5s}") Duration settle, ItemScores scores) {
        return new Rescoring(policyStore, policies, items, units, snapshots, ingestion, replay::building, clock, settle,
                scores);
    }
}
