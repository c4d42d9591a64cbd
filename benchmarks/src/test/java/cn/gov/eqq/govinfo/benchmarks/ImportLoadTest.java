package cn.gov.eqq.govinfo.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class ImportLoadTest {

    @Test
    void theHistoryFileHasTheTemplatesColumnsAndOnlyMonthsBeforeTheLiveOne() {
        List<String> lines = ImportLoad.csv(1_000, YearMonth.of(2026, 12), "n1").lines().toList();

        assertThat(lines.get(0)).isEqualTo("unit,title,category,submitted_at,outcome,decided_at,forwarded_at,"
                + "major_emergency,topics,void_reason,body");
        assertThat(lines).hasSize(1_001);
        Set<String> months = new TreeSet<>();
        Set<String> units = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(11);
            assertThat(cells[1]).contains("n1");
            units.add(cells[0]);
            months.add(cells[3].substring(0, 7));
        }
        assertThat(units).hasSize(52).contains("U001", "U052");
        assertThat(months).first().isEqualTo("2026-01");
        assertThat(months).last().isEqualTo("2026-11");
    }

    @Test
    void inJanuaryTheFileFillsLastDecember() {
        String csv = ImportLoad.csv(10, YearMonth.of(2027, 1), "n2");

        assertThat(csv).contains(",2026-12-").doesNotContain(",2027-01-");
    }

    @Test
    void anImportIsUnderWayFromItsUploadUntilItIsDone() {
        ImportLoad.Finished done = new ImportLoad.Finished(10_000, "DONE", 10_000, 12_000, 1_000_000);

        assertThat(done.underWayAt(999_999)).isFalse();
        assertThat(done.underWayAt(1_000_000)).isTrue();
        assertThat(done.underWayAt(1_012_000)).isTrue();
        assertThat(done.underWayAt(1_012_001)).isFalse();
    }
}
