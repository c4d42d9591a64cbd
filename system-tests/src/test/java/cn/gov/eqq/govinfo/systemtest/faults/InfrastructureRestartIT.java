package cn.gov.eqq.govinfo.systemtest.faults;

import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * Issue 9, fault 2: the Kafka broker, then the MongoDB server, stopped and started again in the middle of the load.
 * No service is restarted: each must recover by itself, the consumer lag must drain and the totals must be exact.
 */
class InfrastructureRestartIT {

    @Test
    void servicesRecoverByThemselvesFromABrokerRestartAndAMongoRestartWithExactTotals() throws Exception {
        DevStack stack = FaultStack.stack();
        Tokens tokens = FaultStack.tokens();
        String gateway = stack.gatewayUrl();
        EventLog log = new EventLog(stack.kafkaBootstrapServers());
        Map<String, Workload.Figures> before = Workload.figures(gateway, tokens);
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            pids.put(service, stack.pidOf(service));
        }
        Workload load = new Workload(gateway, tokens, true, "重启");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> timeline = new ArrayList<>();
        long begin = System.nanoTime();
        double kafkaDownFor;
        double mongoDownFor;
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                clients.add(pool.submit(() -> {
                    while (!stop.get()) {
                        load.cycle(next.getAndIncrement());
                    }
                }));
            }
            Http.sleep(5000);
            long down = System.nanoTime();
            stack.stopKafka();
            timeline.add(String.format("%.1f s Kafka stopped", since(begin)));
            Http.sleep(8000);
            Duration kafkaStart = stack.startKafka();
            kafkaDownFor = since(down);
            timeline.add(String.format("%.1f s Kafka up again (start %.1f s, down %.1f s)", since(begin),
                    kafkaStart.toMillis() / 1000.0, kafkaDownFor));
            Http.sleep(8000);
            down = System.nanoTime();
            stack.stopMongo();
            timeline.add(String.format("%.1f s MongoDB stopped", since(begin)));
            Http.sleep(6000);
            stack.startMongoAgain();
            mongoDownFor = since(down);
            timeline.add(String.format("%.1f s MongoDB up again (down %.1f s)", since(begin), mongoDownFor));
            int cyclesAtMongoBack = load.cycles.get();
            // the load goes on until it has done real work after the restart (bounded)
            load.awaitCycles(cyclesAtMongoBack + 6, Duration.ofSeconds(120));
            timeline.add(String.format("%.1f s %d cycles done after MongoDB came back", since(begin),
                    load.cycles.get() - cyclesAtMongoBack));
            stop.set(true);
            for (Future<?> client : clients) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        double loadSeconds = since(begin);
        System.out.printf("[faults] restarts: %s; load %.1f s, %d cycles, requests sent %d, accepted %d, "
                + "uncertain %d; problems %s%n", timeline, loadSeconds, load.cycles.get(), load.requestsSent.get(),
                load.requestsAccepted.get(), load.uncertainAnswers.get(), load.problems);

        double lagSeconds = log.awaitNoLag(CrashBetweenWriteAndPublishIT.CONSUMER_GROUPS, Duration.ofSeconds(120));
        Workload.Truth truth = load.readBack();
        Workload.Published published = Workload.awaitOnKafka(log, truth, Duration.ofSeconds(60));
        Workload.OnKafka kafka = published.kafka();
        Map<String, Workload.Figures> expected = Workload.expected(before, truth);
        double scoringSeconds = Workload.awaitFigures(gateway, tokens, expected, Duration.ofSeconds(120));
        Map<Service, Long> pidsAfter = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            pidsAfter.put(service, stack.pidOf(service));
        }

        System.out.printf("""
                [faults] broker restart and Mongo restart mid-load
                  timeline: %s
                  load %.1f s: %d cycles, requests sent %d, accepted (2xx) %d, uncertain answers (none/5xx) %d
                  acknowledged: received %d, adoptions %d, accepted answers %d; in the databases: received %d, \
                adopted %d, bonuses %d
                  Kafka: %d event records read, %d event ids seen more than once
                  lag drained %.1f s after the load; every fact on Kafka after %.1f s more; scoring equal to the \
                independent count after %.1f s more
                  totals expected = seen: %s
                  problems: %s
                """, timeline, loadSeconds, load.cycles.get(), load.requestsSent.get(), load.requestsAccepted.get(),
                load.uncertainAnswers.get(), load.receivedAcked.size(), load.adoptionAcked.size(),
                load.judgementAcked.size(), truth.allReceived().size(), truth.allAdopted().size(),
                truth.allBonuses().size(), kafka.records(), kafka.duplicateEventIds(), lagSeconds,
                published.seconds(), scoringSeconds, expected, load.problems);

        assertThat(pidsAfter).as("no service was restarted: they recovered by themselves").isEqualTo(pids);
        assertThat(load.problems).as("answers that were neither a success nor explained by the outage").isEmpty();
        assertThat(truth.allReceived()).containsAll(load.receivedAcked);
        assertThat(truth.allAdopted()).containsAll(load.adoptionAcked);
        assertThat(truth.allBonuses()).containsAll(load.judgementAcked);
        assertThat(kafka.receivedItems()).containsAll(truth.allReceived());
        assertThat(kafka.adoptedItems()).containsAll(truth.allAdopted());
        assertThat(kafka.acceptedCommissions()).containsAll(truth.allBonuses());
        for (Service service : Service.values()) {
            Http.Answer ready = Http.get(stack.serviceUrl(service) + "/actuator/health/readiness", null);
            assertThat(ready.status()).as("%s ready again: %s", service, ready).isEqualTo(200);
        }
    }

    private static double since(long begin) {
        return (System.nanoTime() - begin) / 1e9;
    }
}
