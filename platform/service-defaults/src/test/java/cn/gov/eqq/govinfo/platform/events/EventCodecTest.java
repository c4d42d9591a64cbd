package cn.gov.eqq.govinfo.platform.events;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void anEnvelopeSurvivesTheRoundTripWithContractNamesOnTheWire() {
        var payload = new ItemForwardedToCity("item-1", "U006", Instant.parse("2026-07-10T02:00:00Z"), "room-editor");
        var envelope = EventEnvelope.wrap(payload, "submission-intake", Instant.parse("2026-07-10T02:00:01Z"));

        String json = codec.encode(envelope);

        assertThat(json).contains("\"type\":\"ItemForwardedToCity\"").contains("\"version\":1")
                .contains("\"forwardedAt\":\"2026-07-10T02:00:00Z\"").doesNotContain("cn.gov");
        assertThat(codec.decode(json)).isEqualTo(envelope);
    }

    @Test
    void unknownFieldsAddedByANewerProducerAreIgnored() {
        var envelope = EventEnvelope.wrap(new ItemForwardedToCity("i", "U001", Instant.EPOCH, "x"), "p", Instant.EPOCH);
        String json = codec.encode(envelope).replace("\"forwardedBy\"", "\"futureField\":42,\"forwardedBy\"");

        assertThat(codec.decode(json).payload()).isEqualTo(envelope.payload());
    }

    @Test
    void malformedJsonIsADecodingFailure() {
        assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> codec.decode("")).isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> codec.decode("[1,2]")).isInstanceOf(EventDecodingException.class);
    }

    @Test
    void anUnknownTypeOrVersionIsADecodingFailure() {
        var envelope = EventEnvelope.wrap(new ItemForwardedToCity("i", "U001", Instant.EPOCH, "x"), "p", Instant.EPOCH);
        String json = codec.encode(envelope);

        assertThatThrownBy(() -> codec.decode(json.replace("\"version\":1", "\"version\":99")))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("v99");
        assertThatThrownBy(() -> codec.decode(json.replace("ItemForwardedToCity", "Nonsense")))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("Nonsense");
    }

    @Test
    void aMissingHeaderFieldIsADecodingFailure() {
        var envelope = EventEnvelope.wrap(new ItemForwardedToCity("i", "U001", Instant.EPOCH, "x"), "p", Instant.EPOCH);
        String json = codec.encode(envelope).replace("\"eventId\"", "\"eventIdentifier\"");

        assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(EventDecodingException.class);
    }
}
