package cn.gov.eqq.govinfo.platform.events;

import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged.Membership;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code UnitChanged} published before memberships were kept still reads, with the history it implies. */
class UnitMembershipOnTheLogTest {

    private final EventCodec codec = new EventCodec();

    private UnitChanged read(String payload) {
        return (UnitChanged) codec.decode("""
                {"eventId":"e-1","type":"UnitChanged","version":1,"occurredAt":"2025-03-01T01:00:00Z",
                 "producer":"submission-intake","key":"U006","payload":%s}""".formatted(payload)).payload();
    }

    @Test
    void recordWithHistoryKeepsEverySpan() {
        UnitChanged u = read("""
                {"unitId":"U006","name":"发改委","group":2,"active":true,"changedAt":"2026-07-01T01:00:00Z",
                 "memberships":[{"group":3,"fromMonth":"2022-07","untilMonth":"2026-07"},
                                {"group":2,"fromMonth":"2026-07","untilMonth":null}]}""");

        assertThat(u.history()).containsExactly(new Membership(3, "2022-07", "2026-07"),
                new Membership(2, "2026-07", null));
    }

    @Test
    void activeUnitWithoutHistoryIsAMemberOfItsGroupSinceTheFirstPolicyMonth() {
        UnitChanged u = read("""
                {"unitId":"U006","name":"发改委","group":2,"active":true,"changedAt":"2025-03-01T01:00:00Z"}""");

        assertThat(u.memberships()).isNull();
        assertThat(u.history()).containsExactly(new Membership(2, "2022-07", null));
    }

    @Test
    void inactiveUnitWithoutHistoryLeftFromTheBeijingMonthOfItsLastChange() {
        // 2025-02-28T17:00Z is already 1 March in Beijing
        UnitChanged u = read("""
                {"unitId":"U006","name":"发改委","group":2,"active":false,"changedAt":"2025-02-28T17:00:00Z"}""");

        assertThat(u.history()).containsExactly(new Membership(2, "2022-07", "2025-03"));
    }

    @Test
    void inactiveUnitWithoutHistoryChangedBeforeTheFirstPolicyMonthWasNeverAMember() {
        UnitChanged u = read("""
                {"unitId":"U006","name":"发改委","group":2,"active":false,"changedAt":"2022-06-15T01:00:00Z"}""");

        assertThat(u.history()).isEqualTo(List.of());
    }

    @Test
    void historyIsWrittenAsPlainMonths() {
        var envelope = cn.gov.eqq.govinfo.contracts.EventEnvelope.wrap(new UnitChanged("U006", "发改委", 2, true,
                java.time.Instant.parse("2026-07-01T01:00:00Z"), List.of(new Membership(2, "2022-07", null))),
                "submission-intake", java.time.Instant.parse("2026-07-01T01:00:00Z"));

        assertThat(codec.tree(codec.encode(envelope)).get("payload").get("memberships").toString())
                .isEqualTo("[{\"group\":2,\"fromMonth\":\"2022-07\",\"untilMonth\":null}]");
    }
}
