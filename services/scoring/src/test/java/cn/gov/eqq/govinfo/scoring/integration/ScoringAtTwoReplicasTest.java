package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.scoring.ScoringApplication;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyStore;
import cn.gov.eqq.govinfo.scoring.ranking.application.ScoreQueries;
import cn.gov.eqq.govinfo.scoring.ranking.application.SnapshotPublisher;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import cn.gov.eqq.govinfo.testsupport.replicas.TwoReplicas;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static cn.gov.eqq.govinfo.scoring.integration.ScoringOnTheBroker.bj;
import static cn.gov.eqq.govinfo.scoring.integration.BackDatedPolicyIntegrationTest.county;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of scoring in one consumer group over the same database and the real broker, with their snapshot
 * publishers and re-scoring passes running on their own schedules and also driven at the same moment: every ranking
 * snapshot version is published once, none skipped; a back-dated policy version is published once and its
 * re-scoring, which both replicas may run, ends in the same rankings as one pass would.
 */
@EmbeddedKafka(partitions = 2, topics = {Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS,
        Topics.RANKINGS, Topics.ITEM_SCORES, Topics.POLICIES, Topics.CIRCULARS})
class ScoringAtTwoReplicasTest {

    @Test
    void snapshotsArePublishedOncePerVersionAndARescoringRunByBothEndsInTheRightRankings() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        try (TwoReplicas replicas = TwoReplicas.start(new Class<?>[]{ScoringApplication.class},
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.mongodb.uri=" + MongoTestServer.uri("scoring-replicas-" + UUID.randomUUID()),
                "--govinfo.scoring.fixed-clock=2026-10-10T02:00:00Z",
                // longer than a replica's cached history lives (1 s), as in production (5 s): with 0 s the
                // re-scoring could mark a period before the other replica re-read the history, which then
                // published that period under the old version (seen in CI under load)
                "--govinfo.scoring.rescore-settle=2s",
                "--govinfo.scoring.rescore-interval=100ms",
                "--govinfo.kafka.topic-partitions=2",
                "--logging.level.org.apache.kafka=WARN");
             TopicRecords published = new TopicRecords(broker, replicas.replica(0).getBean(EventCodec.class),
                     "replicas-reader", Topics.RANKINGS, Topics.POLICIES)) {
            send(replicas, Topics.UNITS, new UnitChanged("U006", "发改委", 2, true, bj("2026-01-01T08:00")));
            send(replicas, Topics.UNITS, new UnitChanged("U037", "营商环境促进中心", 3, true, bj("2026-01-01T08:00")));
            send(replicas, Topics.ITEMS, new ItemReceived("I1", "U006", 1, "标题I1", "PROBLEM", List.of(), false,
                    "GOOD_NEWS", LocalDate.of(2026, 7, 1), bj("2026-07-10T09:00"), bj("2026-07-10T11:00"), "room",
                    null));
            ScoreQueries queries = replicas.replica(1).getBean(ScoreQueries.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(queries.unitScore("U006", ReportingPeriod.month(2026, 7)).submissionPoints()).isEqualTo(5);
                assertThat(published.latestRow("2026-07|2", "U006")).extracting(RankingRow::submissionPoints)
                        .isEqualTo(5);
            });
            for (int round = 0; round < 5; round++) {
                replicas.atOnce(SnapshotPublisher.class, SnapshotPublisher::publishDue);
            }

            replicas.replica(1).getBean(Policies.class).add(county("county-2026-07", LocalDate.of(2026, 7, 1)),
                    "policy-admin");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(replicas.replica(0).getBean(PolicyStore.class).awaitingRescore()).isEmpty();
                assertThat(published.latestRow("2026-07|2", "U006")).extracting(RankingRow::submissionPoints)
                        .isEqualTo(6);
                assertThat(published.latestRow("2026-08|3", "U037")).extracting(RankingRow::deductionPoints)
                        .isEqualTo(-2);
            });
            assertThat(queries.unitScore("U006", ReportingPeriod.month(2026, 7)).submissionPoints()).isEqualTo(6);
            // the version added once, and the shipped version announced once although both replicas started
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    published.payloads(PolicyVersionAdded.class)).extracting(PolicyVersionAdded::version)
                    .containsExactlyInAnyOrder("2022-07-06", "county-2026-07"));
            for (int round = 0; round < 5; round++) {
                replicas.atOnce(SnapshotPublisher.class, SnapshotPublisher::publishDue);
            }
            Map<String, List<Long>> versions = published.payloads(RankingSnapshotPublished.class).stream()
                    .collect(Collectors.groupingBy(RankingSnapshotPublished::aggregateKey,
                            Collectors.mapping(RankingSnapshotPublished::snapshotVersion, Collectors.toList())));
            assertThat(versions).containsKeys("2026-07|2", "2026-08|3", "2026|2", "2026|3");
            versions.forEach((key, seen) -> assertThat(seen.stream().sorted().toList()).as(key)
                    .isEqualTo(LongStream.rangeClosed(1, seen.size()).boxed().toList()));
        }
    }

    @SuppressWarnings("unchecked")
    private static void send(TwoReplicas replicas, String topic, IntegrationEvent payload) {
        EventEnvelope<?> envelope = EventEnvelope.wrap(payload, "test", Instant.now());
        KafkaTemplate<String, String> kafka = replicas.replica(0).getBean(KafkaTemplate.class);
        kafka.send(topic, envelope.key(), replicas.replica(0).getBean(EventCodec.class).encode(envelope)).join();
    }
}
