package cn.gov.eqq.govinfo.systemtest.faults;

import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, fault 1: {@code kill -9} of each producing service at a random (seeded) moment while a client keeps
 * drafting, submitting and receiving items, recording adoptions and issuing, answering and accepting commissions
 * through the gateway. After the restarts: every acknowledged write is in the database, every counted fact is on Kafka,
 * and scoring's totals equal the count the test makes from the system's answers — 0 lost, 0 double-counted.
 */
class CrashBetweenWriteAndPublishIT {

    static final long SEED = Long.getLong("govinfo.faults.seed", 20221065L);
    static final List<Service> VICTIMS = List.of(Service.INTAKE, Service.ADOPTION, Service.COMMISSION);
    static final List<String> CONSUMER_GROUPS = List.of("adoption-tracking", "commission-tasking", "scoring",
            "reporting");

    @Test
    void killingProducersAtRandomMomentsLosesAndDoublesNothing() throws Exception {
        DevStack stack = FaultStack.stack();
        Tokens tokens = FaultStack.tokens();
        String gateway = stack.gatewayUrl();
        EventLog log = new EventLog(stack.kafkaBootstrapServers());
        Random random = new Random(SEED);
        Map<String, Workload.Figures> before = Workload.figures(gateway, tokens);
        Workload load = new Workload(gateway, tokens, true, "崩溃");

        // each victim dies once, 4–20 s into the load (seeded), and is started again at once
        Map<Service, Long> killAtMillis = new java.util.EnumMap<>(Service.class);
        for (Service victim : VICTIMS) {
            killAtMillis.put(victim, 4000L + random.nextInt(16000));
        }
        Map<Service, String> killed = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(VICTIMS.size() + 2);
        long begin = System.nanoTime();
        try {
            List<Future<?>> clients = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            for (int c = 0; c < 2; c++) { // two clients, so a request is in flight when the kill comes
                clients.add(pool.submit(() -> {
                    while (!stop.get()) {
                        load.cycle(next.getAndIncrement());
                    }
                }));
            }
            List<Future<?>> killers = new ArrayList<>();
            for (Service victim : VICTIMS) {
                killers.add(pool.submit(() -> {
                    Http.sleep(killAtMillis.get(victim));
                    long pid = stack.killService(victim);
                    double at = (System.nanoTime() - begin) / 1e9;
                    Duration restart = stack.restartService(victim);
                    killed.put(victim, String.format("pid %d killed at %.1f s, ready again after %.1f s", pid, at,
                            restart.toMillis() / 1000.0));
                    return null;
                }));
            }
            for (Future<?> killer : killers) {
                killer.get(5, java.util.concurrent.TimeUnit.MINUTES);
            }
            // the load goes on until it has done real work after the last restart (bounded)
            load.awaitCycles(load.cycles.get() + 20, Duration.ofSeconds(120));
            stop.set(true);
            for (Future<?> client : clients) {
                client.get(5, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        double loadSeconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("[faults] crash: kills %s; load %.1f s, %d cycles, requests sent %d, accepted %d, "
                + "uncertain %d; problems %s%n", killed, loadSeconds, load.cycles.get(), load.requestsSent.get(),
                load.requestsAccepted.get(), load.uncertainAnswers.get(), load.problems);

        double lagSeconds = log.awaitNoLag(CONSUMER_GROUPS, Duration.ofSeconds(120));
        Workload.Truth truth = load.readBack();
        Workload.Published published = Workload.awaitOnKafka(log, truth, Duration.ofSeconds(60));
        Workload.OnKafka kafka = published.kafka();
        Map<String, Workload.Figures> expected = Workload.expected(before, truth);
        double scoringSeconds = Workload.awaitFigures(gateway, tokens, expected, Duration.ofSeconds(120));

        System.out.printf("""
                [faults] crash between write and publish (seed %d)
                  kills: %s
                  load %.1f s: %d cycles, requests sent %d, accepted (2xx) %d, uncertain answers (none/5xx) %d
                  acknowledged: received %d, adoptions %d, accepted answers %d; in the databases: received %d, \
                adopted %d, bonuses %d
                  Kafka: %d event records read, %d event ids seen more than once (at-least-once; consumers dedupe)
                  lag drained %.1f s after the load; every fact on Kafka after %.1f s more; scoring equal to the \
                independent count after %.1f s more
                  totals expected = seen: %s
                  problems: %s
                """, SEED, killed, loadSeconds, load.cycles.get(), load.requestsSent.get(),
                load.requestsAccepted.get(), load.uncertainAnswers.get(), load.receivedAcked.size(),
                load.adoptionAcked.size(), load.judgementAcked.size(), truth.allReceived().size(),
                truth.allAdopted().size(), truth.allBonuses().size(), kafka.records(), kafka.duplicateEventIds(),
                lagSeconds, published.seconds(), scoringSeconds, expected, load.problems);

        assertThat(killed).as("every producer was killed and came back").hasSize(VICTIMS.size());
        assertThat(load.problems).as("answers that were neither a success nor explained by a crash").isEmpty();
        assertThat(truth.allReceived()).as("every acknowledged receive is in intake's database")
                .containsAll(load.receivedAcked);
        assertThat(truth.allAdopted()).as("every acknowledged adoption is in adoption-tracking's database")
                .containsAll(load.adoptionAcked);
        assertThat(truth.allBonuses()).as("every acknowledged acceptance is in commission-tasking's database")
                .containsAll(load.judgementAcked);
        assertThat(kafka.receivedItems()).as("an ItemReceived on Kafka for every received item")
                .containsAll(truth.allReceived());
        assertThat(kafka.adoptedItems()).as("an AdoptionRecorded on Kafka for every adopted item")
                .containsAll(truth.allAdopted());
        assertThat(kafka.acceptedCommissions()).as("a CommissionAnswerJudged(accepted) on Kafka for every bonus")
                .containsAll(truth.allBonuses());
        assertThat(truth.allReceived()).as("the load did real work").hasSizeGreaterThan(20);
    }
}
