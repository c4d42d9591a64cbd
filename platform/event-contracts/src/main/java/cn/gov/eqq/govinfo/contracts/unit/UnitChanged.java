package cn.gov.eqq.govinfo.contracts.unit;

import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The whole state of one reporting unit (报送单位), its membership history included. Published on a compacted
 * topic, so the latest record per unit is the directory; consumers simply upsert. Because compaction keeps only the
 * latest record, each record carries the unit's whole effective-dated membership, not only the change.
 *
 * @param unitId      stable id, e.g. {@code U201}; never reused
 * @param name        Chinese name as used in circulars, e.g. 发改委 (a rename keeps the id and the history)
 * @param group       the ranking group now (第一组 = 1, 第二组 = 2, 第三组 = 3), or the last one for a unit that left
 * @param active      whether the unit is a member now; false once it has left (merged or dissolved)
 * @param changedAt   when the administrator made this change
 * @param memberships every span of membership, oldest first, not overlapping; absent in records published before
 *                    memberships were kept (read them with {@link #history()})
 */
public record UnitChanged(String unitId, String name, int group, boolean active, Instant changedAt,
                          List<Membership> memberships) implements IntegrationEvent {

    /** The first month of the appraisal (the notice applies from 2022-07-06): units without a history start here. */
    public static final String FIRST_MONTH = "2022-07";

    public UnitChanged {
        memberships = memberships == null ? null : List.copyOf(memberships);
    }

    /** A record as published before memberships were kept: {@link #history()} derives them. */
    public UnitChanged(String unitId, String name, int group, boolean active, Instant changedAt) {
        this(unitId, name, group, active, changedAt, null);
    }

    /**
     * One span in which the unit belonged to a group.
     *
     * @param fromMonth  the first month of the span, {@code yyyy-MM} (Beijing calendar)
     * @param untilMonth the first month no longer in the span ({@code yyyy-MM}), or null while it lasts
     */
    public record Membership(int group, String fromMonth, String untilMonth) {
    }

    /**
     * The membership history, also of a record published before it was kept: such a unit has been a member of its
     * group since {@link #FIRST_MONTH}; an active one still is, an inactive one left from the month (Beijing time)
     * of its last change — the change that deactivated it, as far as the record can tell. An inactive unit whose
     * last change lies before {@link #FIRST_MONTH} was never a member.
     */
    public List<Membership> history() {
        if (memberships != null) {
            return memberships;
        }
        if (active) {
            return List.of(new Membership(group, FIRST_MONTH, null));
        }
        YearMonth left = changedAt == null ? YearMonth.parse(FIRST_MONTH) : YearMonth.from(changedAt.atZone(BeijingTime.ZONE));
        return left.isAfter(YearMonth.parse(FIRST_MONTH))
                ? List.of(new Membership(group, FIRST_MONTH, left.toString()))
                : List.of();
    }

    @Override
    public String aggregateKey() {
        return unitId;
    }
}
