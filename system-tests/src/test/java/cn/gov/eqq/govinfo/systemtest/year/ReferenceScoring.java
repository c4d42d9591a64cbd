package cn.gov.eqq.govinfo.systemtest.year;

import cn.gov.eqq.govinfo.systemtest.year.YearOfRecords.Adoption;
import cn.gov.eqq.govinfo.systemtest.year.YearOfRecords.Answer;
import cn.gov.eqq.govinfo.systemtest.year.YearOfRecords.Commission;
import cn.gov.eqq.govinfo.systemtest.year.YearOfRecords.PastItem;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of 鄂前政办发〔2022〕65号 as the project's domain page states them, computed again from the records of the
 * year and nothing else: no class of the scoring service, no figure read back from the system. Each rule is one named
 * method; the figures are those of the notice and of the county's own deduction tiers ({@link CountyRules}).
 */
public final class ReferenceScoring {

    /**
     * A unit's figures for one period, by source, as a ranking row or a unit score shows them; {@code quota} is the sum
     * of the monthly quotas of its begun months of membership, {@code shortfall} the sum of the monthly shortfalls
     * (a surplus in one month does not make up another; a running month shows its shortfall but deducts nothing).
     */
    public record Figures(int submission, int forward, int adoption, int commission, int deduction, int received,
                          int quota, int shortfall) {

        static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0);

        public int points() {
            return submission + forward + adoption + commission + deduction;
        }

        Figures plus(Figures o) {
            return new Figures(submission + o.submission, forward + o.forward, adoption + o.adoption,
                    commission + o.commission, deduction + o.deduction, received + o.received, quota + o.quota,
                    shortfall + o.shortfall);
        }
    }

    /** One line of a group's ranking. */
    public record Row(String unitId, int rank, Figures figures) {
    }

    /** Who belonged to which group in which month (null: no member that month). */
    public interface Membership {
        Integer groupOf(String unitId, YearMonth month);
    }

    private final List<String> units;
    private final Membership membership;
    /** Beijing's date when the system is read: months after it have not begun, the month holding it is running. */
    private final LocalDate today;
    /** unit → month → what the unit earned and lost in that month. */
    private final Map<String, Map<YearMonth, Figures>> monthly = new HashMap<>();

    /** A reference for a reading long after the year: every month of it has ended. */
    public ReferenceScoring(List<String> units, Membership membership, YearOfRecords year) {
        this(units, membership, year, LocalDate.of(9999, 12, 31));
    }

    public ReferenceScoring(List<String> units, Membership membership, YearOfRecords year, LocalDate today) {
        this.units = List.copyOf(units);
        this.membership = membership;
        this.today = today;
        for (PastItem item : year.items) {
            if (item.voided() || item.neverReceived) {
                continue; // a voided item counts nowhere, as if never received; a returned one until it is received
            }
            add(item.unitId, YearMonth.from(item.submittedAt), submissionPoints(item.categoryNow()), 0, 0, 0, 1);
            if (item.forwardedAt != null) {
                add(item.unitId, YearMonth.from(item.forwardedAt), 0, CountyRules.FORWARD_POINTS, 0, 0, 0);
            }
            addAdoptions(item, year.adoptions);
        }
        for (Commission commission : year.commissions) {
            for (Answer answer : commission.answers()) {
                if (earnsCommissionBonus(commission, answer)) {
                    add(answer.unitId(), YearMonth.from(answer.countedVersionAt()), 0, 0, 0,
                            CountyRules.COMMISSION_POINTS, 0);
                }
            }
        }
    }

    /** 报送: points by the category the item counts with now (the room's correction, if any). */
    static int submissionPoints(String category) {
        return CountyRules.CATEGORY_POINTS.get(category);
    }

    /**
     * 采用批示: only the highest counts; records in the order of their dates; a record that raises the best value so far
     * adds the difference in its own month; an instruction on a 重大紧急 item is worth nothing; a withdrawn record is as
     * if never recorded; a source of a 综合采用 that the rule in force on the record's date does not credit is worth
     * nothing.
     */
    private void addAdoptions(PastItem item, List<Adoption> all) {
        List<Adoption> records = all.stream().filter(a -> a.item == item && !a.withdrawn)
                .sorted(Comparator.comparing(a -> a.date)).toList();
        int best = 0;
        for (Adoption record : records) {
            int value = CountyRules.credits(record.date, record.combinedPosition)
                    ? adoptionValue(record.kind, item.majorEmergencyNow()) : 0;
            if (value > best) {
                add(item.unitId, YearMonth.from(record.date), 0, 0, value - best, 0, 0);
                best = value;
            }
        }
    }

    static int adoptionValue(String kind, boolean majorEmergency) {
        boolean instruction = kind.endsWith("_INSTRUCTION");
        return instruction && majorEmergency ? 0 : CountyRules.KIND_POINTS.get(kind);
    }

    /**
     * 约稿: +10 for each accepted item (not voided) submitted no later than the deadline's minute, in the month of
     * the answer's submission. A revised answer clears the earlier judgement: then only the room's judgement of the
     * revision counts, and the revision's submission decides "on time" and the month.
     */
    static boolean earnsCommissionBonus(Commission commission, Answer answer) {
        LocalDateTime lastOnTimeMinute = commission.deadline().truncatedTo(ChronoUnit.MINUTES);
        return Boolean.TRUE.equals(answer.verdictNow()) && !answer.item().voided()
                && !answer.countedVersionAt().truncatedTo(ChronoUnit.MINUTES).isAfter(lastOnTimeMinute);
    }

    /** 基础条数 and 按梯次扣分: the deduction of one ended month in which the unit belonged to {@code group}. */
    static int deduction(int group, int received) {
        int shortfall = Math.max(0, CountyRules.QUOTA.get(group) - received);
        return CountyRules.deductionFor(group, shortfall);
    }

    private void add(String unit, YearMonth month, int submission, int forward, int adoption, int commission,
                     int received) {
        monthly.computeIfAbsent(unit, u -> new HashMap<>())
                .merge(month, new Figures(submission, forward, adoption, commission, 0, received, 0, 0), Figures::plus);
    }

    /**
     * A unit's figures in one month of membership of its group: its earnings, the month's quota and shortfall once the
     * month has begun, and its deduction once the month has ended (a month is settled when it ends).
     */
    private Figures month(String unit, YearMonth month) {
        Figures earned = monthly.getOrDefault(unit, Map.of()).getOrDefault(month, Figures.NONE);
        Integer group = membership.groupOf(unit, month);
        if (group == null) {
            return Figures.NONE; // no member: no quota, no deduction, nothing counts in a ranking
        }
        if (month.atDay(1).isAfter(today)) {
            return earned; // not begun: no quota yet
        }
        int quota = CountyRules.QUOTA.get(group);
        int shortfall = Math.max(0, quota - earned.received());
        int deduction = month.atEndOfMonth().isBefore(today) ? deduction(group, earned.received()) : 0;
        return earned.plus(new Figures(0, 0, 0, 0, deduction, 0, quota, shortfall));
    }

    /**
     * A group's ranking of a period: every unit that belonged to the group in at least one month of the period,
     * with the months it belonged to that group; points descending, equal points share a rank (1, 1, 3), listed by
     * unit id.
     */
    public List<Row> ranking(int group, String period) {
        List<Row> unranked = new ArrayList<>();
        for (String unit : units) {
            Figures sum = Figures.NONE;
            boolean member = false;
            for (YearMonth month : monthsOf(period)) {
                if (Integer.valueOf(group).equals(membership.groupOf(unit, month))) {
                    member = true;
                    sum = sum.plus(month(unit, month));
                }
            }
            if (member) {
                unranked.add(new Row(unit, 0, sum));
            }
        }
        List<Row> sorted = unranked.stream().sorted(Comparator.comparingInt((Row r) -> -r.figures().points())
                .thenComparing(Row::unitId)).toList();
        List<Row> ranked = new ArrayList<>();
        for (Row row : sorted) {
            int higher = (int) sorted.stream().filter(o -> o.figures().points() > row.figures().points()).count();
            ranked.add(new Row(row.unitId(), higher + 1, row.figures()));
        }
        return ranked;
    }

    /** A unit's own score of a period: every month in which it belonged to any group. */
    public Figures unitScore(String unit, String period) {
        Figures sum = Figures.NONE;
        for (YearMonth month : monthsOf(period)) {
            sum = sum.plus(month(unit, month));
        }
        return sum;
    }

    /** The 12 months, 4 quarters and the year, written as the APIs write periods. */
    public static List<String> periodsOf(int year) {
        List<String> periods = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            periods.add(YearMonth.of(year, m).toString());
        }
        for (int q = 1; q <= 4; q++) {
            periods.add(year + "-Q" + q);
        }
        periods.add(String.valueOf(year));
        return periods;
    }

    static List<YearMonth> monthsOf(String period) {
        if (period.contains("-Q")) {
            int year = Integer.parseInt(period.substring(0, 4));
            int q = Integer.parseInt(period.substring(6));
            return List.of(YearMonth.of(year, 3 * q - 2), YearMonth.of(year, 3 * q - 1), YearMonth.of(year, 3 * q));
        }
        if (period.length() == 4) {
            List<YearMonth> months = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                months.add(YearMonth.of(Integer.parseInt(period), m));
            }
            return months;
        }
        return List.of(YearMonth.parse(period));
    }

    /** Every figure of every ranking of the years, by "group|period". */
    public Map<String, List<Row>> allRankings(int... years) {
        Map<String, List<Row>> all = new TreeMap<>();
        for (int year : years) {
            for (int group = 1; group <= 3; group++) {
                for (String period : periodsOf(year)) {
                    all.put(group + "|" + period, ranking(group, period));
                }
            }
        }
        return all;
    }
}
