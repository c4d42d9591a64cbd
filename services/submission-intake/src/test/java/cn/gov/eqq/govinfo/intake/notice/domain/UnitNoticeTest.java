package cn.gov.eqq.govinfo.intake.notice.domain;

import cn.gov.eqq.govinfo.intake.item.domain.ItemStatus;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UnitNoticeTest {

    private static final Instant AT = Instant.parse("2026-07-10T02:00:00Z");
    private final Actor reporter = new Actor("rep", "张信息员", "U006", Set.of(Role.REPORTER));
    private final Actor leader = new Actor("lead", "王局长", "U006", Set.of(Role.UNIT_LEADER));

    private static ItemHappening line(String action, ItemStatus status, String by) {
        return new ItemHappening("I1", "防汛部署", status, action, AT, by, "某人", "意见");
    }

    @Test
    void aSignOffRequestIsTheLeadersOnlyWhileTheItemWaits() {
        assertThat(UnitNotice.of(line("SIGN_OFF_REQUESTED", ItemStatus.AWAITING_SIGN_OFF, "rep"), leader)).isPresent();
        assertThat(UnitNotice.of(line("SIGN_OFF_REQUESTED", ItemStatus.SUBMITTED, "rep"), leader)).isEmpty();
        assertThat(UnitNotice.of(line("SIGN_OFF_REQUESTED", ItemStatus.AWAITING_SIGN_OFF, "other"), reporter)).isEmpty();
    }

    @Test
    void theUnitsOwnStepsAndWhatTheReaderDidAreNoNotice() {
        assertThat(UnitNotice.of(line("SUBMITTED", ItemStatus.SUBMITTED, "other"), reporter)).isEmpty();
        assertThat(UnitNotice.of(line("WITHDRAWN", ItemStatus.DRAFT, "other"), reporter)).isEmpty();
        assertThat(UnitNotice.of(line("RETURNED", ItemStatus.RETURNED, "rep"), reporter)).isEmpty();
        assertThat(UnitNotice.of(line("RETURNED", ItemStatus.RETURNED, "room"), reporter)).get()
                .extracting(UnitNotice::key).isEqualTo("I1:RETURNED:" + AT.toEpochMilli());
    }

    @Test
    void aNoticeIsReadAtAndBeforeTheMark() {
        UnitNotice n = UnitNotice.of(line("VOIDED", ItemStatus.VOIDED, "room"), reporter).orElseThrow();
        assertThat(n.readBy(null)).isFalse();
        assertThat(n.readBy(AT)).isTrue();
        assertThat(n.readBy(AT.minusMillis(1))).isFalse();
    }
}
