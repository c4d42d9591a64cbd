package cn.gov.eqq.govinfo.intake.integration;

import cn.gov.eqq.govinfo.contracts.EventCatalog;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.intake.integration.TopicReader;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden files of the two topics this service writes read and write back identically through the codec. */
class IntakeGoldenFilesTest {

    private final EventCodec codec = new EventCodec();

    @TestFactory
    Stream<DynamicTest> everyIntakeContractHasAGoldenFileThatRoundTrips() {
        return EventCatalog.ALL.stream()
                .filter(t -> t.topic().equals(Topics.UNITS) || t.topic().equals(Topics.ITEMS))
                .map(t -> DynamicTest.dynamicTest(t.name(), () -> {
                    String golden = TopicReader.golden(t.topic(), t.name());
                    var envelope = codec.decode(golden);
                    assertThat(envelope.producer()).isEqualTo("submission-intake");
                    assertThat(envelope.payload()).isInstanceOf(t.payloadClass());
                    assertThat(codec.tree(codec.encode(envelope))).isEqualTo(codec.tree(golden));
                }));
    }
}
