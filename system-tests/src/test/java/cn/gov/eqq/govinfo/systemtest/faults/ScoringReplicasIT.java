package cn.gov.eqq.govinfo.systemtest.faults;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoring at two replicas, as the chart runs it (issue 17): while a client keeps drafting, submitting and receiving
 * items, recording adoptions and accepting commission answers through the gateway, one scoring replica is killed with
 * {@code kill -9} and started again, and then a replay (a rebuild into a new generation, ADR 0021) runs while both
 * replicas consume. Afterwards scoring's totals equal the count the test makes from the other services' answers — 0
 * lost, 0 double-counted — and no ranking snapshot published meanwhile came from a partial store: the load only adds
 * points, so within one ranking a later snapshot never shows a unit with fewer points than an earlier one.
 *
 * <p>It found two faults of the replay at two replicas: a poll written into the old live generation just before a
 * switch never reached the new one (one received item short), and a build failed when live ingestion had written
 * into its collections before it created them (docs/reliability.md, section 6).
 */
class ScoringReplicasIT {

    @Test
    void killingAScoringReplicaAndReplayingWhileBothConsumeLosesNothingAndPublishesNoPartialRanking()
            throws Exception {
        DevStack stack = FaultStack.stack();
        assertThat(stack.replicasOf(Service.SCORING)).as("the fault tests' system runs two scoring replicas")
                .isEqualTo(2);
        Tokens tokens = FaultStack.tokens();
        String gateway = stack.gatewayUrl();
        EventLog log = new EventLog(stack.kafkaBootstrapServers());
        // where each partition stood: a count of all records would cut the partitions at the wrong places, and
        // records from before (PoisonMessagesIT's, which are not JSON) would be read as published during the test
        Map<Integer, Long> snapshotsFrom = new HashMap<>();
        log.readAll(Topics.RANKINGS).forEach(r -> snapshotsFrom.merge(r.partition(), r.offset() + 1, Math::max));
        Map<String, Workload.Figures> before = Workload.figures(gateway, tokens);
        Workload load = new Workload(gateway, tokens, true, "副本");

        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long begin = System.nanoTime();
        String kill;
        JsonNode replay;
        try {
            List<Future<?>> clients = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (int c = 0; c < 2; c++) {
                clients.add(pool.submit(() -> {
                    while (!stop.get()) {
                        load.cycle(next.getAndIncrement());
                    }
                }));
            }
            // replica 2 dies with work in flight and comes back; replica 1 goes on alone meanwhile
            load.awaitCycles(5, Duration.ofSeconds(120));
            long pid = stack.killService(Service.SCORING, 2);
            double killedAt = seconds(begin);
            Duration restart = stack.restartService(Service.SCORING, 2);
            kill = String.format("pid %d killed at %.1f s, ready again after %.1f s", pid, killedAt,
                    restart.toMillis() / 1000.0);

            // a replay while both replicas consume and the load goes on
            String admin = tokens.password("admin");
            Http.Answer started = Http.post(gateway + "/api/scoring/replay", admin, "");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            replay = awaitReplayDone(gateway, admin, Duration.ofMinutes(6));

            // the load goes on until it has done real work after the switch (bounded)
            load.awaitCycles(load.cycles.get() + 10, Duration.ofSeconds(120));
            stop.set(true);
            for (Future<?> client : clients) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        double loadSeconds = seconds(begin);

        double lagSeconds = log.awaitNoLag(CrashBetweenWriteAndPublishIT.CONSUMER_GROUPS, Duration.ofSeconds(120));
        Workload.Truth truth = load.readBack();
        Map<String, Workload.Figures> expected = Workload.expected(before, truth);
        double scoringSeconds = Workload.awaitFigures(gateway, tokens, expected, Duration.ofSeconds(150));

        List<ConsumerRecord<String, String>> snapshots = log.readAll(Topics.RANKINGS);
        List<Snapshot> published = snapshots.stream()
                .filter(r -> r.offset() >= snapshotsFrom.getOrDefault(r.partition(), 0L))
                .map(r -> Http.JSON.readTree(r.value()))
                .filter(e -> "RankingSnapshotPublished".equals(e.path("type").asString()))
                .map(e -> Snapshot.of(e.get("payload")))
                .toList();
        List<String> fellBack = pointsThatFellBack(published);

        System.out.printf("""
                [faults] scoring at two replicas
                  kill: %s
                  replay: %s
                  load %.1f s: %d cycles, requests sent %d, accepted (2xx) %d, uncertain %d
                  in the databases: received %d, adopted %d, bonuses %d
                  lag drained %.1f s after the load; scoring equal to the independent count after %.1f s more
                  ranking snapshots published during the test: %d; a unit's points falling back: %s
                  totals expected = seen: %s
                  problems: %s
                """, kill, replay, loadSeconds, load.cycles.get(), load.requestsSent.get(),
                load.requestsAccepted.get(), load.uncertainAnswers.get(), truth.allReceived().size(),
                truth.allAdopted().size(), truth.allBonuses().size(), lagSeconds, scoringSeconds, published.size(),
                fellBack, expected, load.problems);

        assertThat(replay.get("state").asString()).isEqualTo("DONE");
        assertThat(load.problems).as("answers that were neither a success nor explained by a crash").isEmpty();
        assertThat(truth.allReceived()).as("every acknowledged receive is in intake's database")
                .containsAll(load.receivedAcked);
        assertThat(truth.allReceived()).as("the load did real work").hasSizeGreaterThan(10);
        assertThat(published).as("scoring published rankings during the test").isNotEmpty();
        assertThat(fellBack).as("no ranking snapshot from a partial store: points only grow under this load")
                .isEmpty();
    }

    /** One published ranking as read from the topic: its key, version and each unit's points. */
    record Snapshot(String key, long version, Map<String, Integer> points) {

        static Snapshot of(JsonNode payload) {
            Map<String, Integer> points = new HashMap<>();
            payload.get("rows").forEach(r -> points.put(r.get("unitId").asString(), r.get("points").asInt()));
            return new Snapshot(payload.get("period").asString() + "|" + payload.get("group").asInt(),
                    payload.get("snapshotVersion").asLong(), points);
        }
    }

    /**
     * Within each ranking (period and group), in the order of its snapshot versions: every unit's points that are
     * lower than in an earlier snapshot of the same ranking.
     */
    static List<String> pointsThatFellBack(List<Snapshot> published) {
        Map<String, List<Snapshot>> byKey = new HashMap<>();
        published.forEach(s -> byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        List<String> fellBack = new ArrayList<>();
        byKey.forEach((key, versions) -> {
            versions.sort(Comparator.comparingLong(Snapshot::version));
            Map<String, Integer> highest = new HashMap<>();
            for (Snapshot s : versions) {
                s.points().forEach((unit, points) -> {
                    Integer before = highest.get(unit);
                    if (before != null && points < before) {
                        fellBack.add(key + " v" + s.version() + " " + unit + ": " + before + " → " + points);
                    }
                    highest.merge(unit, points, Math::max);
                });
            }
        });
        return fellBack;
    }

    private static JsonNode awaitReplayDone(String gateway, String admin, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Http.Answer last = null;
        while (System.nanoTime() < deadline) {
            last = Http.get(gateway + "/api/scoring/replay", admin);
            if (last.status() == 200) {
                String state = last.json().get("state").asString();
                if ("DONE".equals(state) || "FAILED".equals(state)) {
                    return last.json();
                }
            }
            Http.sleep(1000);
        }
        throw new AssertionError("the replay did not end within " + patience.toSeconds() + " s: " + last);
    }


    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
