package cn.gov.eqq.govinfo.systemtest.faults;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, fault 3: malformed JSON and records of an unknown type or version, written with a raw producer into every
 * partition of every consumed topic, between valid events. Each consumer puts each of them on its own dead-letter
 * topic with the reason in the headers, processes the valid events after them, and no partition stalls.
 */
class PoisonMessagesIT {

    /** Who reads what (README "What runs where"). */
    static final Map<String, List<String>> CONSUMERS = new LinkedHashMap<>();

    static {
        CONSUMERS.put("adoption-tracking", List.of(Topics.UNITS, Topics.ITEMS));
        CONSUMERS.put("commission-tasking", List.of(Topics.UNITS, Topics.ITEMS));
        CONSUMERS.put("scoring", List.of(Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS));
        CONSUMERS.put("reporting", List.of(Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS,
                Topics.RANKINGS));
    }

    /** A real type of each topic, sent with a version nobody knows. */
    static final Map<String, String> A_TYPE_OF = Map.of(Topics.UNITS, "UnitChanged", Topics.ITEMS, "ItemReceived",
            Topics.ADOPTIONS, "AdoptionRecorded", Topics.COMMISSIONS, "CommissionAnswerJudged", Topics.RANKINGS,
            "RankingSnapshotPublished");

    @Test
    void poisonGoesToEachConsumersDeadLetterTopicWithTheReasonAndValidEventsFlowPastIt() {
        DevStack stack = FaultStack.stack();
        Tokens tokens = FaultStack.tokens();
        String gateway = stack.gatewayUrl();
        EventLog log = new EventLog(stack.kafkaBootstrapServers());
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Workload.Figures> before = Workload.figures(gateway, tokens);
        Workload load = new Workload(gateway, tokens, true, "毒消息");

        load.cycle(0); // valid events before the poison (commission, item, adoption, judgement for U001)
        List<ProducerRecord<String, String>> poison = new ArrayList<>();
        Map<String, String> topicOfKey = new HashMap<>();
        for (String topic : A_TYPE_OF.keySet()) {
            for (int partition = 0; partition < 3; partition++) {
                Map<String, String> values = new LinkedHashMap<>();
                values.put("malformed", "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"ItemRec");
                values.put("unknown-type", envelope("SomethingNobodyKnows", 1, topic));
                values.put("unknown-version", envelope(A_TYPE_OF.get(topic), 99, topic));
                for (var value : values.entrySet()) {
                    String key = "poison-" + run + "-" + topic + "-" + partition + "-" + value.getKey();
                    topicOfKey.put(key, topic);
                    poison.add(new ProducerRecord<>(topic, partition, key, value.getValue()));
                }
            }
        }
        log.produce(poison);
        load.cycle(4); // valid events after the poison, through the same topics (U037, with adoption and commission)
        load.cycle(8);

        // every consumer dead-letters every poison record of every topic it reads, with the reason
        Map<String, Map<String, ConsumerRecord<String, String>>> deadLettered = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Map<String, Set<String>> missing = new TreeMap<>();
        do {
            missing.clear();
            for (var consumer : CONSUMERS.entrySet()) {
                Map<String, ConsumerRecord<String, String>> byKey = log.readAll(Topics.deadLetterTopicOf(consumer.getKey()))
                        .stream().filter(r -> r.key() != null && r.key().startsWith("poison-" + run))
                        .collect(Collectors.toMap(ConsumerRecord::key, r -> r, (a, b) -> a));
                deadLettered.put(consumer.getKey(), byKey);
                Set<String> expected = topicOfKey.entrySet().stream()
                        .filter(e -> consumer.getValue().contains(e.getValue())).map(Map.Entry::getKey)
                        .collect(Collectors.toSet());
                expected.removeAll(byKey.keySet());
                if (!expected.isEmpty()) {
                    missing.put(consumer.getKey(), expected);
                }
            }
            if (!missing.isEmpty()) {
                Http.sleep(1000);
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        assertThat(missing).as("poison records not (yet) on the consumer's dead-letter topic after 120 s").isEmpty();

        double lagSeconds = log.awaitNoLag(CrashBetweenWriteAndPublishIT.CONSUMER_GROUPS, Duration.ofSeconds(90));
        Workload.Truth truth = load.readBack();
        double scoringSeconds = Workload.awaitFigures(gateway, tokens, Workload.expected(before, truth),
                Duration.ofSeconds(90));

        StringBuilder reasons = new StringBuilder();
        for (var consumer : deadLettered.entrySet()) {
            int expectedCount = 9 * CONSUMERS.get(consumer.getKey()).size(); // 3 kinds × 3 partitions per topic
            assertThat(consumer.getValue()).as("%s dead-lettered exactly the poison it reads", consumer.getKey())
                    .hasSize(expectedCount);
            for (ConsumerRecord<String, String> record : consumer.getValue().values()) {
                assertThat(EventLog.header(record, "kafka_dlt-original-topic")).as(record.key())
                        .isEqualTo(topicOfKey.get(record.key()));
                assertThat(EventLog.header(record, "kafka_dlt-exception-fqcn")).as(record.key()).isNotBlank();
                assertThat(EventLog.header(record, "kafka_dlt-exception-message")).as(record.key()).isNotBlank();
            }
            consumer.getValue().values().stream().filter(r -> r.key().contains(Topics.ITEMS)
                    && r.key().endsWith("-0-unknown-version")).findFirst().ifPresent(r -> reasons.append("\n    ")
                    .append(consumer.getKey()).append(": ").append(EventLog.header(r, "kafka_dlt-exception-message")));
        }
        assertThat(truth.allReceived()).as("the valid items after the poison were processed").hasSize(3);
        assertThat(truth.allAdopted()).hasSize(3);
        assertThat(truth.allBonuses()).hasSize(3);

        System.out.printf("""
                [faults] poison messages: %d written (malformed, unknown type, unknown version × 3 partitions × 5 topics)
                  dead-lettered per consumer: %s
                  valid events after them processed; lag drained after %.1f s; scoring exact after %.1f s more
                  a reason (unknown version on %s): %s
                """, poison.size(), deadLettered.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().size(), (a, b) -> a, TreeMap::new)), lagSeconds, scoringSeconds,
                Topics.ITEMS, reasons);
    }

    private static String envelope(String type, int version, String topic) {
        return """
                {"eventId":"%s","type":"%s","version":%d,"occurredAt":"%s","producer":"fault-test","key":"k",\
                "payload":{"note":"poison for %s"}}""".formatted(UUID.randomUUID(), type, version, Instant.now(), topic);
    }
}
