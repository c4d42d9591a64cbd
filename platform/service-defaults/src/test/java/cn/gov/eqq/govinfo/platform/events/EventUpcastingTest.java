package cn.gov.eqq.govinfo.platform.events;

import cn.gov.eqq.govinfo.contracts.EventCatalog;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.EventType;
import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.upcasting.EventUpcasters;
import cn.gov.eqq.govinfo.contracts.upcasting.PayloadUpcaster;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upcasting with test-only later versions of {@code UnitChanged}: v2 renames {@code group} to {@code rankingGroup}
 * and turns {@code active} into a {@code status}; v3 adds a weight that must stay an exact decimal. A reader of the
 * newest version reads every older record as the newest one.
 */
class EventUpcastingTest {

    /** Test-only v2 of UnitChanged. */
    record UnitChangedV2(String unitId, String name, int rankingGroup, String status, Instant changedAt)
            implements IntegrationEvent {
        @Override
        public String aggregateKey() {
            return unitId;
        }
    }

    /** Test-only v3 of UnitChanged: a unit's weight in the county's appraisal, 1.0 unless set. */
    record UnitChangedV3(String unitId, String name, int rankingGroup, String status, BigDecimal weight,
                         Instant changedAt) implements IntegrationEvent {
        @Override
        public String aggregateKey() {
            return unitId;
        }
    }

    private static final PayloadUpcaster V1_TO_V2 = PayloadUpcaster.of("UnitChanged", 1, p -> {
        Map<String, Object> v2 = new LinkedHashMap<>(p);
        v2.put("rankingGroup", v2.remove("group"));
        v2.put("status", Boolean.TRUE.equals(v2.remove("active")) ? "ACTIVE" : "DISSOLVED");
        return v2;
    });
    private static final PayloadUpcaster V2_TO_V3 = PayloadUpcaster.of("UnitChanged", 2, p -> {
        p.putIfAbsent("weight", new BigDecimal("1.0"));
        return p;
    });

    private static List<EventType> catalogueWith(EventType newest) {
        List<EventType> types = new ArrayList<>(EventCatalog.ALL.stream()
                .filter(t -> !t.name().equals("UnitChanged")).toList());
        types.add(newest);
        return types;
    }

    private final EventCodec v2Reader = new EventCodec(
            catalogueWith(new EventType("UnitChanged", 2, Topics.UNITS, UnitChangedV2.class)),
            new EventUpcasters(List.of(V1_TO_V2)));
    private final EventCodec v3Reader = new EventCodec(
            catalogueWith(new EventType("UnitChanged", 3, Topics.UNITS, UnitChangedV3.class)),
            new EventUpcasters(List.of(V2_TO_V3, V1_TO_V2)));

    private static String v1(String unitId, String name, int group, boolean active, String at) {
        return """
                {"eventId":"e-%s-%s","type":"UnitChanged","version":1,"occurredAt":"%s","producer":"submission-intake",
                 "key":"%s","payload":{"unitId":"%s","name":"%s","group":%d,"active":%s,"changedAt":"%s"}}"""
                .formatted(unitId, at, at, unitId, unitId, name, group, active, at);
    }

    private static String v2(String unitId, String name, int group, String status, String at) {
        return """
                {"eventId":"e-%s-%s","type":"UnitChanged","version":2,"occurredAt":"%s","producer":"submission-intake",
                 "key":"%s","payload":{"unitId":"%s","name":"%s","rankingGroup":%d,"status":"%s","changedAt":"%s"}}"""
                .formatted(unitId, at, at, unitId, unitId, name, group, status, at);
    }

    @Test
    void aV2ReaderReadsAV1RecordAsV2() {
        EventEnvelope<?> read = v2Reader.decode(v1("U006", "发改委", 2, false, "2026-07-01T01:00:00Z"));

        assertThat(read.version()).isEqualTo(2);
        assertThat(read.eventId()).isEqualTo("e-U006-2026-07-01T01:00:00Z");
        assertThat(read.payload()).isEqualTo(new UnitChangedV2("U006", "发改委", 2, "DISSOLVED",
                Instant.parse("2026-07-01T01:00:00Z")));
    }

    @Test
    void aV3ReaderChainsTheUpcastersFromV1AndFromV2KeepingDecimalsExact() {
        String at = "2026-07-01T01:00:00Z";
        UnitChangedV3 expected = new UnitChangedV3("U006", "发改委", 2, "ACTIVE", new BigDecimal("1.0"),
                Instant.parse(at));

        assertThat(v3Reader.decode(v1("U006", "发改委", 2, true, at)).payload()).isEqualTo(expected);
        assertThat(v3Reader.decode(v2("U006", "发改委", 2, "ACTIVE", at)).payload()).isEqualTo(expected);
        assertThat(v3Reader.decode(v2("U006", "发改委", 2, "ACTIVE", at)).version()).isEqualTo(3);
    }

    @Test
    void aRecordNewerThanTheReaderIsUndecodable() {
        assertThatThrownBy(() -> new EventCodec().decode(v2("U006", "发改委", 2, "ACTIVE", "2026-07-01T01:00:00Z")))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("UnitChanged v2");
    }

    @Test
    void anOldVersionWithoutItsUpcasterIsUndecodableNamingTheMissingStep() {
        EventCodec gap = new EventCodec(
                catalogueWith(new EventType("UnitChanged", 3, Topics.UNITS, UnitChangedV3.class)),
                new EventUpcasters(List.of(V2_TO_V3)));

        assertThatThrownBy(() -> gap.decode(v1("U006", "发改委", 2, true, "2026-07-01T01:00:00Z")))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("no upcaster of UnitChanged from v1");
    }

    @Test
    void twoUpcastersForTheSameStepAreRefused() {
        assertThatThrownBy(() -> new EventUpcasters(List.of(V1_TO_V2, V1_TO_V2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UnitChanged from v1");
    }

    /** The unit directory a consumer keeps from the units topic: the latest state per unit. */
    private static Map<String, UnitChangedV2> replay(EventCodec reader, Stream<String> log) {
        Map<String, UnitChangedV2> directory = new LinkedHashMap<>();
        log.map(reader::decode).map(e -> (UnitChangedV2) e.payload()).forEach(u -> directory.put(u.unitId(), u));
        return directory;
    }

    @Test
    void replayingALogOfMixedVersionsGivesWhatTheSameLogInTheNewestVersionGives() {
        List<String> mixed = List.of(
                v1("U001", "教育局", 1, true, "2026-01-02T00:00:00Z"),
                v2("U002", "财政局", 1, "ACTIVE", "2026-01-03T00:00:00Z"),
                v1("U001", "教育体育局", 3, true, "2026-03-01T00:00:00Z"),
                v2("U002", "财政局", 1, "DISSOLVED", "2026-06-30T00:00:00Z"),
                v1("U003", "审计局", 2, false, "2026-07-01T00:00:00Z"));
        List<String> newest = List.of(
                v2("U001", "教育局", 1, "ACTIVE", "2026-01-02T00:00:00Z"),
                v2("U002", "财政局", 1, "ACTIVE", "2026-01-03T00:00:00Z"),
                v2("U001", "教育体育局", 3, "ACTIVE", "2026-03-01T00:00:00Z"),
                v2("U002", "财政局", 1, "DISSOLVED", "2026-06-30T00:00:00Z"),
                v2("U003", "审计局", 2, "DISSOLVED", "2026-07-01T00:00:00Z"));

        Map<String, UnitChangedV2> fromMixed = replay(v2Reader, mixed.stream());

        assertThat(fromMixed).isEqualTo(replay(v2Reader, newest.stream()));
        assertThat(fromMixed.get("U001")).isEqualTo(new UnitChangedV2("U001", "教育体育局", 3, "ACTIVE",
                Instant.parse("2026-03-01T00:00:00Z")));
        assertThat(fromMixed).hasSize(3);
    }
}
