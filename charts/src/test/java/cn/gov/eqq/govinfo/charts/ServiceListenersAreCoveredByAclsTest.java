package cn.gov.eqq.govinfo.charts;

import cn.gov.eqq.govinfo.contracts.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka read ACLs are exactly what the services really consume. Every topic named in a {@code @KafkaListener} of a
 * service's main sources is readable by that service's principal (without this, a new listener would deploy fine
 * and then fail in production with TopicAuthorizationException), and a principal reads nothing its service does not
 * listen to (a read granted "ahead of the code" is access nobody reviews again).
 */
class ServiceListenersAreCoveredByAclsTest {

    static final List<String> SERVICES = RenderedChart.BACKEND_SERVICES;
    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\s*\\(([^)]*)\\)", Pattern.DOTALL);
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("Topics\\.([A-Z_]+)");
    private static final Pattern TOPIC_LITERAL = Pattern.compile("\"([a-z0-9-]+\\.[a-z0-9.-]+\\.v\\d+)\"");
    /** Constants a listener may reference indirectly (e.g. {@code topics = SomeListener.TOPICS}). */
    private static final Pattern ARRAY_OF_TOPICS = Pattern.compile(
            "(?:static\\s+final\\s+String\\[\\]\\s+[A-Z_]+\\s*=\\s*\\{)([^}]*)\\}", Pattern.DOTALL);

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyTopicAServiceListensToIsReadableByItsPrincipal(String service) throws Exception {
        Set<String> listened = listenedTopics(RepoPaths.ROOT.resolve("services").resolve(service).resolve("src/main/java"));
        GenericKubernetesResource user = RenderedChart.with(Map.of("strimzi.enabled", "true")).allOfKind("KafkaUser")
                .stream().filter(u -> u.getMetadata().getName().equals(service)).findFirst().orElseThrow();

        assertThat(readableTopics(user)).as("topics %s may read (values.yaml services.%s.kafka.reads)", service, service)
                .containsAll(listened);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void aPrincipalMayReadNoTopicItsServiceDoesNotListenTo(String service) throws Exception {
        Set<String> listened = listenedTopics(RepoPaths.ROOT.resolve("services").resolve(service).resolve("src/main/java"));
        GenericKubernetesResource user = RenderedChart.with(Map.of("strimzi.enabled", "true")).allOfKind("KafkaUser")
                .stream().filter(u -> u.getMetadata().getName().equals(service)).findFirst().orElseThrow();

        assertThat(readableTopics(user)).as("reads of %s without a @KafkaListener (values.yaml services.%s.kafka.reads)",
                service, service).isSubsetOf(listened);
    }

    /** The services that consume at least one topic (and so have a consumer group and a dead-letter topic). */
    static Set<String> consumingServices() throws Exception {
        Set<String> consumers = new TreeSet<>();
        for (String service : SERVICES) {
            if (!listenedTopics(RepoPaths.ROOT.resolve("services").resolve(service).resolve("src/main/java")).isEmpty()) {
                consumers.add(service);
            }
        }
        return consumers;
    }

    static Set<String> listenedTopics(Path sources) throws Exception {
        Set<String> topics = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return topics;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String source = Files.readString(file);
            if (!source.contains("@KafkaListener")) {
                continue;
            }
            Matcher listener = LISTENER.matcher(source);
            while (listener.find()) {
                collect(listener.group(1), topics);
            }
            // Listeners that name a String[] constant of topics declared in the same file.
            Matcher array = ARRAY_OF_TOPICS.matcher(source);
            while (array.find()) {
                collect(array.group(1), topics);
            }
        }
        return topics;
    }

    private static void collect(String text, Set<String> topics) throws Exception {
        Matcher constant = TOPIC_CONSTANT.matcher(text);
        while (constant.find()) {
            Field field = Topics.class.getField(constant.group(1));
            if (field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        Matcher literal = TOPIC_LITERAL.matcher(text);
        while (literal.find()) {
            topics.add(literal.group(1));
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> readableTopics(GenericKubernetesResource user) {
        Map<String, Object> spec = (Map<String, Object>) user.getAdditionalProperties().get("spec");
        List<Map<String, Object>> acls = (List<Map<String, Object>>) ((Map<String, Object>) spec.get("authorization")).get("acls");
        Set<String> readable = new TreeSet<>();
        for (Map<String, Object> acl : acls) {
            Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
            if ("topic".equals(resource.get("type")) && ((List<?>) acl.get("operations")).contains("Read")) {
                readable.add((String) resource.get("name"));
            }
        }
        return readable;
    }
}
