package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.scoring.ScoringApplication;
import cn.gov.eqq.govinfo.scoring.ledger.application.Replay;
import cn.gov.eqq.govinfo.scoring.ranking.application.ScoreQueries;
import cn.gov.eqq.govinfo.scoring.shared.application.GenerationPointer.State;
import cn.gov.eqq.govinfo.scoring.shared.application.Generations;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import cn.gov.eqq.govinfo.testsupport.replicas.TwoReplicas;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static cn.gov.eqq.govinfo.scoring.integration.ScoringOnTheBroker.bj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replay while both replicas of scoring consume and events keep arriving (docs/adr/0021): it ends with the rankings
 * the same events give without a replay, no ranking snapshot published meanwhile comes from a partial store, every
 * item is published again with a higher {@code scoreVersion}; and a build whose replica stops is reported failed and
 * replaced by the next one.
 */
@EmbeddedKafka(partitions = 2, topics = {Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS,
        Topics.RANKINGS, Topics.ITEM_SCORES, Topics.POLICIES, Topics.CIRCULARS})
class ReplayAtTwoReplicasTest {

    private static final List<String> UNITS = List.of("U001", "U002", "U003", "U004", "U005");
    private static final String JULY = "2026-07|2";

    @Test
    void aReplayWhileBothReplicasConsumeEndsInTheSameRankingsAndPublishesNothingFromAPartialStore() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        try (TwoReplicas replicas = start(broker, "replay");
             TopicRecords published = new TopicRecords(broker, replicas.replica(0).getBean(EventCodec.class),
                     "replay-reader", Topics.RANKINGS, Topics.ITEM_SCORES)) {
            ConfigurableApplicationContext sender = replicas.replica(0);
            UNITS.forEach(u -> send(sender, Topics.UNITS, new UnitChanged(u, "单位" + u, 2, true,
                    bj("2026-01-01T08:00"))));
            for (int i = 0; i < 40; i++) {
                send(sender, Topics.ITEMS, item("J" + i, UNITS.get(i % UNITS.size()), "2026-07-10T09:00"));
            }
            ScoreQueries queries = replicas.replica(1).getBean(ScoreQueries.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> UNITS.forEach(u -> assertThat(
                    published.latestRow(JULY, u)).extracting(RankingRow::submissionPoints).isEqualTo(8 * 5)));
            RankingSnapshotPublished julyBefore = latest(published, JULY);
            long julyVersionBefore = julyBefore.snapshotVersion();
            long scoreVersionBefore = maxScoreVersion(published, "J0");

            // August items keep arriving while the rebuild runs, alternately on each replica's partitions
            AtomicBoolean more = new AtomicBoolean(true);
            AtomicInteger august = new AtomicInteger();
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                while (more.get()) {
                    int n = august.getAndIncrement();
                    send(sender, Topics.ITEMS, item("A" + n, UNITS.get(n % UNITS.size()), "2026-08-10T09:00"));
                    pause();
                }
            });
            assertThat(replicas.replica(0).getBean(Replay.class).start("admin")).isTrue();
            assertThat(replicas.replica(1).getBean(Replay.class).start("admin")).as("one build at a time").isFalse();
            Replay other = replicas.replica(1).getBean(Replay.class);
            assertThat(other.status().state()).isEqualTo(State.RUNNING);
            await().atMost(Duration.ofSeconds(120)).until(() -> other.status().state() != State.RUNNING);
            more.set(false);
            stream.get();
            assertThat(other.status().state()).isEqualTo(State.DONE);
            assertThat(other.status().live()).isEqualTo(1);
            int augustItems = august.get();

            for (ConfigurableApplicationContext replica : List.of(replicas.replica(0), replicas.replica(1))) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    ScoreQueries q = replica.getBean(ScoreQueries.class);
                    for (int u = 0; u < UNITS.size(); u++) {
                        assertThat(q.unitScore(UNITS.get(u), ReportingPeriod.month(2026, 7)).submissionPoints())
                                .isEqualTo(8 * 5);
                        assertThat(q.unitScore(UNITS.get(u), ReportingPeriod.month(2026, 8)).submissionPoints())
                                .as("August of " + UNITS.get(u))
                                .isEqualTo(itemsOf(u, augustItems) * 5);
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (int u = 0; u < UNITS.size(); u++) {
                    assertThat(published.latestRow("2026-08|2", UNITS.get(u))).extracting(RankingRow::submissionPoints)
                            .isEqualTo(itemsOf(u, augustItems) * 5);
                }
                assertThat(maxScoreVersion(published, "J0")).isGreaterThan(1_000_000L);
            });

            // July's events were all on the topics before the replay: every July snapshot since is the complete one
            List<RankingSnapshotPublished> julyAfter = published.payloads(RankingSnapshotPublished.class).stream()
                    .filter(s -> s.aggregateKey().equals(JULY) && s.snapshotVersion() > julyVersionBefore).toList();
            assertThat(julyAfter).as("republished from the new generation").isNotEmpty();
            julyAfter.forEach(s -> assertThat(s.rows()).as("July snapshot v" + s.snapshotVersion())
                    .isEqualTo(julyBefore.rows()));
            // every item's score is published again (after the switch, in the background), each with a version
            // above any before the replay
            assertThat(scoreVersionBefore).isLessThan(1_000_000L);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, List<Long>> versions = published.payloads(ItemScored.class).stream().collect(
                        Collectors.groupingBy(ItemScored::itemId,
                                Collectors.mapping(ItemScored::scoreVersion, Collectors.toList())));
                for (int i = 0; i < 40; i++) {
                    assertThat(versions.get("J" + i)).as("J" + i).contains(1_000_001L);
                }
            });
            // the old generation's collections are dropped a while after the switch
            Generations generations = replicas.replica(1).getBean(Generations.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> !generations.stored().contains(0L));
        }
    }

    @Test
    void aBuildWhoseReplicaStopsIsReportedFailedAndTheNextBuildSucceeds() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        try (TwoReplicas replicas = start(broker, "lease")) {
            ConfigurableApplicationContext survivor = replicas.replica(1);
            UNITS.forEach(u -> send(survivor, Topics.UNITS, new UnitChanged(u, "单位" + u, 2, true,
                    bj("2026-01-01T08:00"))));
            for (int i = 0; i < 10; i++) {
                send(survivor, Topics.ITEMS, item("L" + i, UNITS.get(i % UNITS.size()), "2026-09-10T09:00"));
            }
            ScoreQueries queries = survivor.getBean(ScoreQueries.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    queries.unitScore("U001", ReportingPeriod.month(2026, 9)).submissionPoints()).isEqualTo(10));

            assertThat(replicas.replica(0).getBean(Replay.class).start("admin")).isTrue();
            replicas.replica(0).close(); // the claimant stops before it switched

            Replay replay = survivor.getBean(Replay.class);
            assertThat(replay.start("admin")).as("the lease still runs").isFalse();
            await().atMost(Duration.ofSeconds(30)).until(() -> replay.status().state() == State.FAILED);
            assertThat(replay.status().message()).startsWith("重建中断：副本 ").endsWith(" 已停止");
            assertThat(replay.status().live()).isZero();
            assertThat(queries.unitScore("U001", ReportingPeriod.month(2026, 9)).submissionPoints())
                    .as("the live generation untouched").isEqualTo(10);

            assertThat(replay.start("admin")).isTrue();
            await().atMost(Duration.ofSeconds(120)).until(() -> replay.status().state() != State.RUNNING);
            assertThat(replay.status().state()).isEqualTo(State.DONE);
            assertThat(replay.status().live()).as("numbered after the abandoned one").isEqualTo(2);
            assertThat(queries.unitScore("U001", ReportingPeriod.month(2026, 9)).submissionPoints()).isEqualTo(10);
            Generations generations = survivor.getBean(Generations.class);
            assertThat(generations.stored()).as("the abandoned generation dropped").doesNotContain(1L);
        }
    }

    private static TwoReplicas start(EmbeddedKafkaBroker broker, String name) {
        return TwoReplicas.start(new Class<?>[]{ScoringApplication.class},
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.mongodb.uri=" + MongoTestServer.uri("scoring-" + name + "-" + UUID.randomUUID()),
                "--govinfo.scoring.fixed-clock=2026-10-10T02:00:00Z",
                "--govinfo.kafka.topic-partitions=2",
                "--govinfo.scoring.replay-settle=2s",
                "--govinfo.scoring.replay-lease=4s",
                "--govinfo.scoring.replay-drop-after=2s",
                // small chunks and pieces: the build takes several rounds, with live polls written into it
                // between them, and items whose facts straddle two pieces are merged
                "--govinfo.scoring.replay-chunk=20",
                "--govinfo.scoring.replay-fold-max=7",
                "--logging.level.org.apache.kafka=WARN");
    }

    private static int itemsOf(int unit, int items) {
        return (int) java.util.stream.IntStream.range(0, items).filter(n -> n % UNITS.size() == unit).count();
    }

    private static RankingSnapshotPublished latest(TopicRecords published, String key) {
        return published.payloads(RankingSnapshotPublished.class).stream().filter(s -> s.aggregateKey().equals(key))
                .max(Comparator.comparingLong(RankingSnapshotPublished::snapshotVersion)).orElseThrow();
    }

    private static long maxScoreVersion(TopicRecords published, String itemId) {
        return published.payloads(ItemScored.class).stream().filter(s -> s.itemId().equals(itemId))
                .mapToLong(ItemScored::scoreVersion).max().orElse(0);
    }

    private static ItemReceived item(String id, String unit, String at) {
        return new ItemReceived(id, unit, 1, "标题" + id, "PROBLEM", List.of(), false, "GOOD_NEWS",
                LocalDate.of(2026, 7, 1), bj(at), bj(at).plusSeconds(3600), "room", null);
    }

    /** The pace of the stream of August items (a producer's pace, not a wait for a condition). */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static void send(ConfigurableApplicationContext replica, String topic, IntegrationEvent payload) {
        EventEnvelope<?> envelope = EventEnvelope.wrap(payload, "test", Instant.now());
        KafkaTemplate<String, String> kafka = replica.getBean(KafkaTemplate.class);
        kafka.send(topic, envelope.key(), replica.getBean(EventCodec.class).encode(envelope)).join();
    }
}
