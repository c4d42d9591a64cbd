package cn.gov.eqq.govinfo.charts;

import cn.gov.eqq.govinfo.contracts.TopicCatalogueFile;
import cn.gov.eqq.govinfo.contracts.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One catalogue of topics ({@link Topics} in platform/event-contracts) and everything that creates topics derived
 * from it: the generated {@code charts/govinfo/files/topics.tsv}, the chart's Strimzi {@code KafkaTopic}s and its
 * topic Job, and the compose job (all rendered or run here and compared with the catalogue); the devstack is checked by
 * its own {@code ProjectTopicsTest}. No service declares a topic.
 */
class TopicCatalogueTest {

    static final String REGENERATE = "./mvnw -q -B -pl charts -am verify -Dtest=TopicCatalogueTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dgovinfo.topics.regenerate=true";
    private static final Path FILE = RepoPaths.ROOT.resolve(TopicCatalogueFile.PATH);
    private static final Path SCRIPT = RepoPaths.CHART.resolve("files/create-topics.sh");

    /** One line of what a creator does for a topic: name, partitions, cleanup.policy, retention.ms. */
    record Expected(String name, int partitions, String cleanupPolicy, long retentionMs) {
    }

    private static List<Expected> catalogue() {
        return Topics.CATALOGUE.stream()
                .map(s -> new Expected(s.name(), s.partitions(), s.cleanupPolicy().config(), s.retentionMs())).toList();
    }

    @Test
    void theChartsTopicFileIsAFreshRenderOfTheCatalogue() throws Exception {
        String fresh = TopicCatalogueFile.render();
        if (Boolean.getBoolean("govinfo.topics.regenerate")) {
            Files.writeString(FILE, fresh);
        }
        if (!Files.readString(FILE).equals(fresh)) {
            fail(TopicCatalogueFile.PATH + " differs from Topics.CATALOGUE. Regenerate it with: " + REGENERATE);
        }
    }

    @Test
    void theCatalogueKeepsEventHistoryAndGivesEveryConsumerItsDeadLetterTopic() {
        for (String replayed : List.of(Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS,
                Topics.CIRCULARS)) {
            assertThat(Topics.spec(replayed).retentionMs()).as(replayed).isEqualTo(-1L);
        }
        assertThat(Topics.spec(Topics.UNITS).cleanupPolicy()).isEqualTo(Topics.CleanupPolicy.COMPACT);
        assertThat(Topics.spec(Topics.RANKINGS).retentionMs()).isEqualTo(63_072_000_000L);
        assertThat(Topics.DEAD_LETTERS).extracting(Topics.Spec::name).containsExactly(
                "adoption-tracking.dead-letter.v1", "commission-tasking.dead-letter.v1", "scoring.dead-letter.v1",
                "reporting.dead-letter.v1", "submission-intake.dead-letter.v1");
        assertThat(Topics.DEAD_LETTERS).allSatisfy(d -> {
            assertThat(d.partitions()).isEqualTo(6);
            assertThat(d.retentionMs()).isEqualTo(2_592_000_000L);
            assertThat(d.writer() + ".dead-letter.v1").isEqualTo(d.name());
        });
        assertThat(Topics.CATALOGUE).extracting(Topics.Spec::partitions).containsOnly(6);
        assertThat(Topics.CATALOGUE).extracting(Topics.Spec::name).doesNotHaveDuplicates();
    }

    @Test
    void strimziTopicsAreTheCatalogueWithV1AsTheDefaultApi() {
        RenderedChart strimzi = RenderedChart.with(Map.of("strimzi.enabled", "true"));
        List<Expected> rendered = new ArrayList<>();
        for (GenericKubernetesResource topic : strimzi.allOfKind("KafkaTopic")) {
            assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1");
            Map<String, Object> spec = spec(topic);
            Map<?, ?> config = (Map<?, ?>) spec.get("config");
            assertThat(config.containsKey("retention.bytes")).isFalse();
            rendered.add(new Expected((String) spec.get("topicName"), ((Number) spec.get("partitions")).intValue(),
                    (String) config.get("cleanup.policy"), ((Number) config.get("retention.ms")).longValue()));
        }
        assertThat(rendered).containsExactlyElementsOf(catalogue());
        assertThat(strimzi.all(Job.class)).as("no topic Job beside Strimzi").isEmpty();
        assertThat(RenderedChart.with(Map.of("strimzi.enabled", "true", "strimzi.apiVersion", "kafka.strimzi.io/v1beta2"))
                .allOfKind("KafkaTopic")).extracting(GenericKubernetesResource::getApiVersion)
                .containsOnly("kafka.strimzi.io/v1beta2");
    }

    @Test
    void withoutStrimziAJobRunsTheCatalogueScriptAndTheDefaultManifestsCreateTopics() throws Exception {
        RenderedChart chart = RenderedChart.withDefaults();
        assertThat(chart.all(Job.class)).hasSize(1);
        Job job = chart.all(Job.class).get(0);
        assertThat(job.getMetadata().getName()).matches("govinfo-kafka-topics-[0-9a-f]{8}");
        assertThat(RenderedChart.with(Map.of("kafka.replicationFactor", "2")).all(Job.class).get(0).getMetadata()
                .getName()).as("another setting, another Job (a Job's pod template is immutable)")
                .isNotEqualTo(job.getMetadata().getName());
        ConfigMap files = chart.get(ConfigMap.class, "govinfo-kafka-topics");
        assertThat(files.getData().get("topics.tsv").strip()).isEqualTo(Files.readString(FILE).strip());
        assertThat(files.getData().get("create-topics.sh").strip()).isEqualTo(Files.readString(SCRIPT).strip());

        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(env.get("TOPIC_REPLICATION_FACTOR").getValue()).isEqualTo("3");
        assertThat(env.get("KAFKA_USERNAME").getValue()).isEqualTo("govinfo-topic-admin");
        assertThat(env.get("KAFKA_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo("govinfo-topic-admin");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(Files.readString(RepoPaths.K8S_MANIFEST)).contains("name: " + job.getMetadata().getName());

        Job kind = RenderedChart.withValuesFile("ci/kind-values.yaml").all(Job.class).get(0);
        assertThat(kind.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .extracting(EnvVar::getName).doesNotContain("KAFKA_USERNAME", "KAFKA_PASSWORD");
    }

    @Test
    void theTopicScriptCreatesEveryCatalogueTopicAndAppliesItsSettingsOnEveryRun(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "TOPIC_REPLICATION_FACTOR", "3",
                "TOPIC_MIN_INSYNC_REPLICAS", "2", "TOPICS_FILE", FILE.toString());
        List<List<String>> calls = runScriptWithRecordingKafkaTools(dir, env);

        List<Expected> created = new ArrayList<>();
        List<Expected> altered = new ArrayList<>();
        for (List<String> call : calls) {
            Map<String, List<String>> options = options(call.subList(1, call.size()));
            if (call.get(0).equals("kafka-topics.sh")) {
                assertThat(options).containsKeys("--create", "--if-not-exists");
                assertThat(options.get("--replication-factor")).containsExactly("3");
                Map<String, String> config = pairs(options.get("--config"));
                assertThat(config).containsEntry("min.insync.replicas", "2").doesNotContainKey("retention.bytes");
                created.add(new Expected(options.get("--topic").get(0),
                        Integer.parseInt(options.get("--partitions").get(0)), config.get("cleanup.policy"),
                        Long.parseLong(config.get("retention.ms"))));
            } else {
                assertThat(call.get(0)).isEqualTo("kafka-configs.sh");
                Map<String, String> config = pairs(List.of(options.get("--add-config").get(0).split(",")));
                altered.add(new Expected(options.get("--entity-name").get(0), Topics.spec(
                        options.get("--entity-name").get(0)).partitions(), config.get("cleanup.policy"),
                        Long.parseLong(config.get("retention.ms"))));
            }
        }
        assertThat(created).containsExactlyElementsOf(catalogue());
        assertThat(altered).as("settings applied to topics that already exist").containsExactlyElementsOf(catalogue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheSameScriptOnTheSameFileOnABrokerThatCreatesNoTopics() throws Exception {
        Map<String, Map<String, Object>> services = composeServices();
        Map<String, Object> job = services.get("kafka-topics");
        assertThat(job.get("entrypoint")).isEqualTo(List.of("/bin/bash", "/etc/govinfo/topics/create-topics.sh"));
        assertThat((List<Object>) job.get("volumes")).containsExactlyInAnyOrder(
                "./charts/govinfo/files/create-topics.sh:/etc/govinfo/topics/create-topics.sh:ro",
                "./charts/govinfo/files/topics.tsv:/etc/govinfo/topics/topics.tsv:ro");
        assertThat((Map<String, Object>) job.get("environment")).containsEntry("TOPICS_FILE", "/etc/govinfo/topics/topics.tsv");
        assertThat((Map<String, Object>) services.get("kafka").get("environment"))
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    @Test
    void noServiceDeclaresOrAutoCreatesATopic() throws Exception {
        List<Path> sources;
        try (Stream<Path> walk = Stream.of("services", "platform/service-defaults", "gateway")
                .map(RepoPaths.ROOT::resolve).flatMap(TopicCatalogueTest::mainSources)) {
            sources = walk.toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            String code = Files.readString(source);
            assertThat(code).as(source.toString()).doesNotContain("TopicBuilder").doesNotContain("NewTopic ");
        }
        String defaults = Files.readString(RepoPaths.ROOT.resolve(
                "platform/service-defaults/src/main/resources/govinfo-defaults.yml"));
        Map<String, Object> yaml = new Yaml().load(defaults);
        assertThat(path(yaml, "spring", "kafka", "admin", "auto-create")).isEqualTo(false);
        for (String service : RenderedChart.BACKEND_SERVICES) {
            assertThat(RenderedChart.withValuesFile("ci/kind-values.yaml").configMap(service).getData()).as(service)
                    .doesNotContainKey("SPRING_KAFKA_ADMIN_AUTO_CREATE");
        }
    }

    private static Stream<Path> mainSources(Path dir) {
        try {
            return Files.walk(dir).filter(p -> p.toString().contains("/src/main/") && p.toString().endsWith(".java"))
                    .toList().stream();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<List<String>> runScriptWithRecordingKafkaTools(Path dir, Map<String, String> env)
            throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("calls.log");
        for (String tool : List.of("kafka-topics.sh", "kafka-configs.sh")) {
            Path stub = bin.resolve(tool);
            // one call per line: the tool's name, then its arguments separated by a tab
            Files.writeString(stub, "#!/usr/bin/env bash\n(printf '%s' \"" + tool + "\"; printf '\\t%s' \"$@\"; echo) >> '"
                    + log + "'\n");
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("KAFKA_BIN", bin.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains(Topics.CATALOGUE.size() + " topics in place");
        return Files.readAllLines(log).stream().map(l -> List.of(l.split("\t"))).toList();
    }

    private static Map<String, List<String>> options(List<String> args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String key = args.get(i);
            List<String> values = options.computeIfAbsent(key, k -> new ArrayList<>());
            if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                values.add(args.get(++i));
            }
        }
        return options;
    }

    private static Map<String, String> pairs(List<String> keyValues) {
        return keyValues.stream().map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> b, LinkedHashMap::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> composeServices() throws Exception {
        try (Reader reader = Files.newBufferedReader(RepoPaths.COMPOSE)) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }
}
