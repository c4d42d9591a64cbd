package cn.gov.eqq.govinfo.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    @Test
    void percentilesUseTheNearestRank() {
        Latencies l = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            l.add(ms * 1_000_000L);
        }
        assertThat(l.percentileMillis(50)).isEqualTo(50.0);
        assertThat(l.percentileMillis(99)).isEqualTo(99.0);
        assertThat(l.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void resultsAreWrittenAsATableAndAsJson() {
        Results r = new Results();
        r.add("b", "rate \"x\"", 1234.5, "events/s", "note");
        assertThat(r.table()).contains("| b | rate \"x\" | 1,235 | events/s | note |");
        assertThat(r.json()).contains("\"metric\":\"rate \\\"x\\\"\"").contains("\"value\":1234.5");
    }
}
