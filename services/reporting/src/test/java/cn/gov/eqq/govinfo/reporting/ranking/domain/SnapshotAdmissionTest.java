package cn.gov.eqq.govinfo.reporting.ranking.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotAdmissionTest {

    @Test
    void theFirstSnapshotOfAKeyIsKept() {
        assertThat(SnapshotAdmission.decide(null, 1)).isEqualTo(SnapshotAdmission.KEEP);
    }

    @Test
    void aNewerVersionJoinsTheHistory() {
        assertThat(SnapshotAdmission.decide(3L, 4)).isEqualTo(SnapshotAdmission.KEEP);
    }

    @Test
    void aVersionOlderThanTheOneHeldIsIgnored() {
        assertThat(SnapshotAdmission.decide(4L, 3)).isEqualTo(SnapshotAdmission.OLDER_THAN_HELD);
    }

    @Test
    void theSameVersionAgainIsADuplicate() {
        assertThat(SnapshotAdmission.decide(4L, 4)).isEqualTo(SnapshotAdmission.DUPLICATE);
    }
}
