package cn.gov.eqq.govinfo.benchmarks;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProvinceYearTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void emitsExactlyTheAskedNumberOfEventsWithEveryUnitFirst() {
        List<ProvinceYear.Record> records = new ArrayList<>();
        new ProvinceYear(30, 1_000, 7, 2025).forEach(records::add);

        assertThat(records).hasSize(1_000);
        assertThat(records.subList(0, 30)).allMatch(r -> r.topic().equals(Topics.UNITS));
        assertThat(records.subList(30, 1_000)).noneMatch(r -> r.topic().equals(Topics.UNITS));
    }

    @Test
    void everyRecordDecodesWithTheConsumersCodecAndIsKeyedByItsAggregate() {
        List<ProvinceYear.Record> records = new ArrayList<>();
        new ProvinceYear(10, 2_000, 1, 2025).forEach(records::add);

        for (ProvinceYear.Record r : records) {
            EventEnvelope<?> e = codec.decode(r.json());
            assertThat(e.key()).isEqualTo(r.key());
            assertThat(e.payload().aggregateKey()).isEqualTo(r.key());
        }
    }

    @Test
    void mixesItemsAdoptionsAndCommissionJudgementsInRoughlyTheDocumentedShares() {
        Map<String, Integer> byTopic = new HashMap<>();
        new ProvinceYear(100, 20_000, 3, 2025).forEach(r -> byTopic.merge(r.topic(), 1, Integer::sum));

        int items = byTopic.get(Topics.ITEMS);
        assertThat(byTopic.get(Topics.UNITS)).isEqualTo(100);
        assertThat(byTopic.get(Topics.ADOPTIONS)).isBetween(2_000, 2_800);
        assertThat(byTopic.get(Topics.COMMISSIONS)).isBetween(600, 1_000);
        assertThat(items).isBetween(15_500, 17_000);
    }

    @Test
    void theSameSeedGivesTheSameYear() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        new ProvinceYear(5, 300, 42, 2025).forEach(r -> a.add(r.json()));
        new ProvinceYear(5, 300, 42, 2025).forEach(r -> b.add(r.json()));

        assertThat(a).isEqualTo(b);
    }

    @Test
    void unitsAreSpreadOverTheThreeGroups() {
        List<ProvinceYear.Record> records = new ArrayList<>();
        new ProvinceYear(3000, 3000, 1, 2025).forEach(records::add);
        Map<Integer, Integer> groups = new HashMap<>();
        records.forEach(r -> groups.merge(((UnitChanged) codec.decode(r.json()).payload()).group(), 1, Integer::sum));

        assertThat(groups).containsEntry(1, 300).containsEntry(2, 1800).containsEntry(3, 900);
    }
}
