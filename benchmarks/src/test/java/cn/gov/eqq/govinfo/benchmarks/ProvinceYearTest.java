package cn.gov.eqq.govinfo.benchmarks;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
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

    @Test
    void aCountyUsesItsOwnUnitsAndKeepsItsItemsWithinTheGivenDays() {
        List<ProvinceYear.Unit> county = PageLatency.parseUnits(List.of("unit_id,name,group", "U001,上海庙经济开发区,1",
                "U006,发改委,2", "U037,交管大队,3", ""));
        List<ProvinceYear.Record> records = new ArrayList<>();
        new ProvinceYear(county, 2_000, 5, 2026, 31).forEach(records::add);

        List<UnitChanged> units = records.subList(0, 3).stream()
                .map(r -> (UnitChanged) codec.decode(r.json()).payload()).toList();
        assertThat(units).extracting(UnitChanged::unitId, UnitChanged::name, UnitChanged::group).containsExactly(
                org.assertj.core.groups.Tuple.tuple("U001", "上海庙经济开发区", 1),
                org.assertj.core.groups.Tuple.tuple("U006", "发改委", 2),
                org.assertj.core.groups.Tuple.tuple("U037", "交管大队", 3));
        List<ItemReceived> received = records.stream().filter(r -> r.topic().equals(Topics.ITEMS))
                .map(r -> codec.decode(r.json()).payload()).filter(p -> p instanceof ItemReceived)
                .map(p -> (ItemReceived) p).toList();
        assertThat(received).isNotEmpty().allMatch(i -> List.of("U001", "U006", "U037").contains(i.unitId()));
        assertThat(received).allMatch(i -> i.submittedAt().atZone(BeijingTime.ZONE).toLocalDate()
                .isBefore(LocalDate.of(2026, 2, 1)));
    }

    @Test
    void aProvinceStartsWithTheCountysUnitsAndGeneratesTheRest() {
        List<ProvinceYear.Unit> county = List.of(new ProvinceYear.Unit("U001", "上海庙经济开发区", 1),
                new ProvinceYear.Unit("U006", "发改委", 2));

        List<ProvinceYear.Unit> province = ProvinceYear.directoryThenGenerated(county, 10);

        assertThat(province).hasSize(10).startsWith(county.toArray(ProvinceYear.Unit[]::new));
        assertThat(province.get(2)).isEqualTo(new ProvinceYear.Unit("P0003", "单位3", 2));
        assertThat(province.get(9)).isEqualTo(new ProvinceYear.Unit("P0010", "单位10", 3));
    }
}
