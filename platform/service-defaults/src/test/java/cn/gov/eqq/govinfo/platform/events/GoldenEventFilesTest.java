package cn.gov.eqq.govinfo.platform.events;

import cn.gov.eqq.govinfo.contracts.EventCatalog;
import cn.gov.eqq.govinfo.contracts.EventType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every contract in the catalogue has a golden example that the codec reads and writes back to the same JSON:
 * the file is what producers must produce and what every consumer must read.
 */
class GoldenEventFilesTest {

    private final EventCodec codec = new EventCodec();

    @TestFactory
    Stream<DynamicTest> everyContractHasAGoldenFileThatRoundTrips() {
        return EventCatalog.ALL.stream().map(type -> DynamicTest.dynamicTest(type.name() + " v" + type.version(),
                () -> roundTrips(type)));
    }

    private void roundTrips(EventType type) throws IOException {
        String path = "golden/" + type.topic() + "/" + type.name() + ".v" + type.version() + ".json";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("golden file %s on the classpath (event-contracts resources)", path).isNotNull();
            String golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var envelope = codec.decode(golden);

            assertThat(envelope.type()).isEqualTo(type.name());
            assertThat(envelope.payload()).isInstanceOf(type.payloadClass());
            assertThat(codec.tree(codec.encode(envelope))).isEqualTo(codec.tree(golden));
        }
    }
}
