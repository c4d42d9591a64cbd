package cn.gov.eqq.govinfo.reporting.ranking.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotAdmissionTest {

    @Test
    void theFirstSnapshotOfAKeyIsKept() {
        assertThat(SnapshotAdmission.decide(null, 1, false)).isEqualTo(SnapshotAdmission.KEEP);
    }

    @Test
    void aNewerVersionJoinsTheHistory() {
        assertThat(SnapshotAdmission.decide(3L, 4, false)).isEqualTo(SnapshotAdmission.KEEP);
    }

    @Test
    void aVersionOlderThanTheOneHeldIsIgnored() {
        assertThat(SnapshotAdmission.decide(4L, 3, false)).isEqualTo(SnapshotAdmission.OLDER_THAN_HELD);
    }

    @Test
    void theSameVersionAgainOrAnEventAlreadySeenIsADuplicate() {
        assertThat(SnapshotAdmission.decide(4L, 4, false)).isEqualTo(SnapshotAdmission.DUPLICATE);
        assertThat(SnapshotAdmission.decide(null, 9, true)).isEqualTo(SnapshotAdmission.DUPLICATE);
    }
}
