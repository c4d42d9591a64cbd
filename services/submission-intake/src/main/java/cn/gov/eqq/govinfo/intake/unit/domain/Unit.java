package cn.gov.eqq.govinfo.intake.unit.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reporting unit (报送单位) and its effective-dated membership. Units get renamed (the id and the history stay),
 * join a group from a month, move to another group from a month and leave from a month (merged or dissolved: the
 * unit keeps its history). Every change takes effect from a whole month (Beijing calendar), also one in the past:
 * months are scored with the group the unit belonged to in them.
 * <p>
 * The spans never overlap and follow each other in time; only the last one may be open. The unit's group is the
 * last span's group; it is active while the last span is open.
 *
 * @param memberships the spans, oldest first
 */
public record Unit(String id, String name, List<Membership> memberships) {

    /** The first month of the appraisal: the notice (鄂前政办发〔2022〕65号) applies from 2022-07-06. */
    public static final YearMonth FIRST_MONTH = YearMonth.of(2022, 7);

    private static final Pattern ID = Pattern.compile("^U\\d{3,6}$");
    public static final int MAX_NAME = 50;

    public Unit {
        Objects.requireNonNull(id, "id");
        name = name == null ? null : name.strip();
        memberships = List.copyOf(memberships);
        if (memberships.isEmpty()) {
            throw new IllegalArgumentException("a unit has at least one span of membership");
        }
        for (int i = 1; i < memberships.size(); i++) {
            Membership before = memberships.get(i - 1);
            if (before.open() || memberships.get(i).from().isBefore(before.until())) {
                throw new IllegalArgumentException("spans overlap: " + memberships);
            }
        }
    }

    /** A unit that has been a member of {@code group} since {@link #FIRST_MONTH}: the 52 units of 2022. */
    public static Unit memberSinceFirstMonth(String id, String name, int group) {
        return new Unit(id, name, List.of(new Membership(group, FIRST_MONTH, null)));
    }

    /** A new unit, a member of {@code group} from {@code from}. */
    public static Unit joining(String id, String name, int group, YearMonth from) {
        requireFromFirstMonth(from);
        return new Unit(id, name, List.of(new Membership(group, from, null)));
    }

    /** The group the unit belonged to in {@code month}; empty when it was no member then. */
    public Optional<Integer> groupIn(YearMonth month) {
        return memberships.stream().filter(m -> m.covers(month)).map(Membership::group).findFirst();
    }

    /** Its spans of membership in Chinese, e.g. 「2022年7月至2025年9月、2026年1月起」. */
    public String membershipLabel() {
        return memberships.stream().map(m -> m.open() ? label(m.from()) + "起"
                        : label(m.from()) + "至" + label(m.until().minusMonths(1)))
                .collect(java.util.stream.Collectors.joining("、"));
    }

    /** The group now, or the last one for a unit that left. */
    public int group() {
        return last().group();
    }

    /** Whether the unit is a member (its last span has no end). */
    public boolean active() {
        return last().open();
    }

    private Membership last() {
        return memberships.get(memberships.size() - 1);
    }

    /** The same unit under a new name: its identity and its history stay. */
    public Unit renamed(String newName) {
        return new Unit(id, newName, memberships);
    }

    /**
     * The unit in {@code group} from {@code from}: a member moves there (its current span ends with the month
     * before); a unit that left joins again.
     *
     * @throws MembershipRefused when the month falls into the history already recorded
     */
    public Unit movedTo(int group, YearMonth from) {
        requireFromFirstMonth(from);
        Membership last = last();
        List<Membership> spans = new ArrayList<>(memberships.subList(0, memberships.size() - 1));
        if (last.open()) {
            if (last.group() == group) {
                return this;
            }
            if (!from.isAfter(last.from())) {
                throw new MembershipRefused("fromMonth", "调整分组的月份应晚于加入第" + group(last.group()) + "组的月份（"
                        + label(last.from()) + "），收到 " + label(from));
            }
            spans.add(last.endingAt(from));
        } else {
            if (from.isBefore(last.until())) {
                throw new MembershipRefused("fromMonth", "重新加入的月份不能早于退出的月份（" + label(last.until())
                        + "），否则与已有的成员期间重叠");
            }
            spans.add(last);
        }
        spans.add(new Membership(group, from, null));
        return new Unit(id, name, spans);
    }

    /**
     * The unit leaving from {@code from}: it is no member from that month on.
     *
     * @throws MembershipRefused when it has left already or the month is not after it joined its group
     */
    public Unit leaving(YearMonth from) {
        Membership last = last();
        if (!last.open()) {
            throw new MembershipRefused("active", "单位已于 " + label(last.until()) + " 退出");
        }
        if (!from.isAfter(last.from())) {
            throw new MembershipRefused("fromMonth", "退出的月份应晚于加入第" + group(last.group()) + "组的月份（"
                    + label(last.from()) + "），收到 " + label(from));
        }
        List<Membership> spans = new ArrayList<>(memberships.subList(0, memberships.size() - 1));
        spans.add(last.endingAt(from));
        return new Unit(id, name, spans);
    }

    /** Checks a unit as an administrator would create or change it; an empty list means valid. */
    public static List<UnitViolation> check(String id, String name, Integer group) {
        List<UnitViolation> v = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            v.add(new UnitViolation("unitId", "单位编号格式应为 U 加 3 至 6 位数字，如 U053"));
        }
        if (name == null || name.isBlank()) {
            v.add(new UnitViolation("name", "单位名称不能为空"));
        } else if (name.strip().length() > MAX_NAME) {
            v.add(new UnitViolation("name", "单位名称不能超过" + MAX_NAME + "字"));
        }
        if (group == null || group < 1 || group > 99) {
            v.add(new UnitViolation("group", "分组应为 1 至 99 的整数"));
        }
        return v;
    }

    private static void requireFromFirstMonth(YearMonth from) {
        if (from.isBefore(FIRST_MONTH)) {
            throw new MembershipRefused("fromMonth", "生效月份不能早于 2022年7月（鄂前政办发〔2022〕65号自 2022年7月6日起施行），收到 "
                    + label(from));
        }
    }

    private static String group(int group) {
        return switch (group) {
            case 1 -> "一";
            case 2 -> "二";
            case 3 -> "三";
            default -> Integer.toString(group);
        };
    }

    static String label(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    public record UnitViolation(String field, String message) {
    }

    /** A membership change the recorded history does not allow; the message is for the administrator. */
    public static final class MembershipRefused extends RuntimeException {
        private final String field;

        public MembershipRefused(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
