package cn.gov.eqq.govinfo.platform.events;

import cn.gov.eqq.govinfo.contracts.EventCatalog;
import cn.gov.eqq.govinfo.contracts.EventType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every golden file ever kept, of every version, of every topic that carries the envelope (the catalogue's topics),
 * is read by this build's codec as the newest version of its contract: a consumer of any of these topics can read
 * every record ever published on it. (The circulars topic carries CloudEvents for readers outside the system; its
 * contract version is part of the CloudEvents type and its golden files are checked by reporting.)
 */
class GoldenFilesOfEveryVersionTest {

    private static final Pattern NAME = Pattern.compile("(.+)\\.v(\\d+)\\.json");
    private final EventCodec codec = new EventCodec();
    private final Map<String, EventType> newest = EventCatalog.ALL.stream().collect(Collectors.toMap(EventType::name,
            Function.identity(), BinaryOperator.maxBy(Comparator.comparingInt(EventType::version))));

    private static String topicOf(Resource file) {
        try {
            return file.getURL().toString().replaceAll(".*/golden/([^/]+)/[^/]+$", "$1");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Resource> goldenFiles() throws IOException {
        Set<String> envelopeTopics = EventCatalog.ALL.stream().map(EventType::topic).collect(Collectors.toSet());
        return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath*:golden/*/*.json"))
                .filter(file -> envelopeTopics.contains(topicOf(file)))
                .sorted(Comparator.comparing(Resource::getDescription)).toList();
    }

    @Test
    void thereIsAGoldenFileForEveryContractVersionInTheCatalogue() throws IOException {
        assertThat(goldenFiles()).hasSizeGreaterThanOrEqualTo(EventCatalog.ALL.size());
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenFileDecodesAsTheNewestVersionOfItsContract() throws IOException {
        return goldenFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFilename(), () -> {
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            String topic = topicOf(file);
            Matcher m = NAME.matcher(file.getFilename());
            assertThat(m.matches()).as("golden file name <Type>.v<N>.json: %s", file.getFilename()).isTrue();
            var envelope = codec.decode(text);
            EventType contract = newest.get(envelope.type());

            assertThat(codec.tree(text).path("version").asInt()).isEqualTo(Integer.parseInt(m.group(2)));
            assertThat(envelope.version()).isEqualTo(contract.version());
            assertThat(envelope.payload()).isInstanceOf(contract.payloadClass());
            assertThat(contract.topic()).isEqualTo(topic);
        }));
    }
}
