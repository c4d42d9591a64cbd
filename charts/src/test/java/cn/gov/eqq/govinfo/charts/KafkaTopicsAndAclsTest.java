package cn.gov.eqq.govinfo.charts;

import cn.gov.eqq.govinfo.contracts.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topic catalogue of the chart is the one in event-contracts, and the Strimzi KafkaUser ACLs give each service
 * write access to exactly the topics it is the single writer of (plus its own dead-letter topic).
 */
class KafkaTopicsAndAclsTest {

    private static final RenderedChart STRIMZI = RenderedChart.with(Map.of("strimzi.enabled", "true"));
    private static final List<String> BACKEND = RenderedChart.BACKEND_SERVICES;
    /** The services with a {@code @KafkaListener}: each dead-letters to its own topic and has a consumer group. */
    private static final Set<String> CONSUMERS = consumers();

    private static Set<String> consumers() {
        try {
            return ServiceListenersAreCoveredByAclsTest.consumingServices();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void strimziRendersOneKafkaTopicPerCatalogueTopicAndPerDeadLetterTopic() {
        Map<String, Map<String, Object>> topics = new HashMap<>();
        for (GenericKubernetesResource t : STRIMZI.allOfKind("KafkaTopic")) {
            topics.put((String) spec(t).get("topicName"), spec(t));
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "govinfo-kafka");
            assertThat(t.getApiVersion()).isEqualTo("kafka.strimzi.io/v1");
        }

        Set<String> expected = new TreeSet<>();
        Topics.ALL.forEach(s -> expected.add(s.name()));
        CONSUMERS.forEach(c -> expected.add(Topics.deadLetterTopicOf(c)));
        assertThat(new TreeSet<>(topics.keySet())).isEqualTo(expected);

        for (Topics.Spec spec : Topics.ALL) {
            Map<String, Object> topic = topics.get(spec.name());
            assertThat(topic.get("partitions")).as(spec.name()).isEqualTo(6);
            assertThat(topic.get("replicas")).as(spec.name()).isEqualTo(3);
            assertThat(config(topic)).as(spec.name()).containsEntry("min.insync.replicas", 2)
                    .containsEntry("cleanup.policy", spec.compacted() ? "compact" : "delete");
        }
        assertThat(config(topics.get(Topics.deadLetterTopicOf("scoring")))).containsEntry("retention.ms", 2592000000L);
    }

    @Test
    void theTopicsScoringReplaysFromKeepTheirWholeHistory() {
        Map<String, Map<String, Object>> topics = new HashMap<>();
        STRIMZI.allOfKind("KafkaTopic").forEach(t -> topics.put((String) spec(t).get("topicName"), spec(t)));
        GenericKubernetesResource scoring = STRIMZI.allOfKind("KafkaUser").stream()
                .filter(u -> u.getMetadata().getName().equals("scoring")).findFirst().orElseThrow();
        Set<String> replayed = topicsWith(spec(scoring), "Read");
        assertThat(replayed).containsExactlyInAnyOrder(Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS,
                Topics.CIRCULARS, Topics.POLICIES);

        for (String topic : replayed) {
            // neither time nor size may drop an event: the ledger is rebuilt from offset 0
            assertThat(config(topics.get(topic))).as(topic).containsEntry("retention.ms", -1)
                    .doesNotContainKey("retention.bytes");
        }
        assertThat(config(topics.get(Topics.UNITS))).containsEntry("cleanup.policy", "compact");
        // circulars are the official record that outside readers follow: kept; ranking snapshots are derived
        // (a replay reproduces them) and kept two years
        assertThat(config(topics.get(Topics.CIRCULARS))).containsEntry("retention.ms", -1);
        assertThat(config(topics.get(Topics.RANKINGS))).containsEntry("retention.ms", 63072000000L)
                .containsEntry("cleanup.policy", "delete");
    }

    @Test
    void eachServiceHasItsOwnScramPrincipalAndWritesOnlyItsOwnTopics() {
        Map<String, GenericKubernetesResource> users = STRIMZI.allOfKind("KafkaUser").stream()
                .collect(Collectors.toMap(u -> u.getMetadata().getName(), u -> u));
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(BACKEND);

        for (String service : BACKEND) {
            Map<String, Object> spec = spec(users.get(service));
            assertThat(((Map<?, ?>) spec.get("authentication")).get("type")).isEqualTo("scram-sha-512");

            Set<String> expectedWrites = new TreeSet<>();
            Topics.ALL.stream().filter(s -> s.writer().equals(service)).forEach(s -> expectedWrites.add(s.name()));
            if (CONSUMERS.contains(service)) {
                expectedWrites.add(Topics.deadLetterTopicOf(service));
                assertThat(groupsWith(spec, "Read")).as(service + " consumer groups").containsExactly(service);
                assertThat(topicsWith(spec, "Read")).as(service + " reads").isNotEmpty();
            } else {
                // a service without listeners needs neither a group, nor reads, nor a dead-letter topic
                assertThat(groupsWith(spec, "Read")).as(service + " consumer groups").isEmpty();
                assertThat(topicsWith(spec, "Read")).as(service + " reads").isEmpty();
            }
            assertThat(topicsWith(spec, "Write")).as(service + " writes").isEqualTo(expectedWrites);
            assertThat(topicsWith(spec, "Read")).as(service + " reads")
                    .allSatisfy(t -> assertThat(Topics.ALL).extracting(Topics.Spec::name).contains(t));
            assertThat(acls(spec)).as(service).allSatisfy(acl ->
                    assertThat(((Map<?, ?>) acl.get("resource")).get("patternType")).isEqualTo("literal"));
        }
    }

    @Test
    void everyTopicHasExactlyOneWritingPrincipal() {
        Map<String, Set<String>> writersByTopic = new HashMap<>();
        for (GenericKubernetesResource user : STRIMZI.allOfKind("KafkaUser")) {
            for (String topic : topicsWith(spec(user), "Write")) {
                writersByTopic.computeIfAbsent(topic, t -> new HashSet<>()).add(user.getMetadata().getName());
            }
        }
        assertThat(writersByTopic).hasSize(Topics.ALL.size() + CONSUMERS.size())
                .allSatisfy((topic, writers) -> assertThat(writers).as(topic).hasSize(1));
    }

    @Test
    void consumersReadWhatTheirDocumentedFlowsNeed() {
        Map<String, Set<String>> reads = STRIMZI.allOfKind("KafkaUser").stream().collect(Collectors.toMap(
                u -> u.getMetadata().getName(), u -> topicsWith(spec(u), "Read")));

        assertThat(reads.get("scoring")).containsExactlyInAnyOrder(Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS,
                Topics.COMMISSIONS, Topics.CIRCULARS, Topics.POLICIES);
        assertThat(reads.get("reporting")).containsExactlyInAnyOrder(Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS,
                Topics.COMMISSIONS, Topics.RANKINGS, Topics.ITEM_SCORES);
        // adoption-tracking shows scoring's decision of each item instead of computing points itself
        assertThat(reads.get("adoption-tracking")).containsExactlyInAnyOrder(Topics.UNITS, Topics.ITEMS,
                Topics.ITEM_SCORES);
        // Nobody reads a topic it writes (a service does not consume its own events), except scoring's policy facts:
        // the log is where its policy history is kept whole, and a replay rebuilds it from there (ADR 0012).
        reads.forEach((service, topics) -> assertThat(topics).as(service).noneMatch(t -> !t.equals(Topics.POLICIES)
                && Topics.ALL.stream().anyMatch(s -> s.name().equals(t) && s.writer().equals(service))));
    }

    @Test
    void anExternalReaderMayOnlyReadItsTopicsWithItsOwnGroup() {
        RenderedChart chart = RenderedChart.with(Map.of("strimzi.enabled", "true",
                "kafka.externalUsers[0].name", "city-dashboard",
                "kafka.externalUsers[0].reads[0]", Topics.CIRCULARS));
        GenericKubernetesResource dashboard = chart.allOfKind("KafkaUser").stream()
                .filter(u -> u.getMetadata().getName().equals("city-dashboard")).findFirst().orElseThrow();

        assertThat(topicsWith(spec(dashboard), "Read")).containsExactly(Topics.CIRCULARS);
        assertThat(topicsWith(spec(dashboard), "Write")).isEmpty();
        assertThat(groupsWith(spec(dashboard), "Read")).containsExactly("city-dashboard");
        assertThat(acls(spec(dashboard))).hasSize(2);
    }

    @Test
    void withoutStrimziNoCustomResourcesAreRendered() {
        assertThat(RenderedChart.withDefaults().allOfKind("KafkaTopic")).isEmpty();
        assertThat(RenderedChart.withDefaults().allOfKind("KafkaUser")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource r) {
        return (Map<String, Object>) r.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(Map<String, Object> topicSpec) {
        return (Map<String, Object>) topicSpec.get("config");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> acls(Map<String, Object> userSpec) {
        return (List<Map<String, Object>>) ((Map<String, Object>) userSpec.get("authorization")).get("acls");
    }

    private static Set<String> topicsWith(Map<String, Object> userSpec, String operation) {
        return resourcesWith(userSpec, "topic", operation);
    }

    private static Set<String> groupsWith(Map<String, Object> userSpec, String operation) {
        return resourcesWith(userSpec, "group", operation);
    }

    private static Set<String> resourcesWith(Map<String, Object> userSpec, String type, String operation) {
        return acls(userSpec).stream()
                .filter(acl -> type.equals(((Map<?, ?>) acl.get("resource")).get("type")))
                .filter(acl -> ((List<?>) acl.get("operations")).contains(operation))
                .map(acl -> (String) ((Map<?, ?>) acl.get("resource")).get("name"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
