package cn.gov.eqq.govinfo.systemtest.year;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The records of one past year as a county office would bring them in: items with their outcomes, forwards,
 * adoption and instruction records, commissions with answers and judgements, a unit that joins in October and one
 * that moves group in July, and what the room does afterwards (a category corrected, a 重大紧急 flag set, an
 * adoption record withdrawn, received items voided). Generated from a fixed seed, so every run enters the same year.
 * All times are Beijing wall-clock times, as the imports read them.
 */
public final class YearOfRecords {

    public static final int YEAR = 2025;

    /** The unit that joins group 3 in October. */
    public static final String JOINER = "U053";
    public static final String JOINER_NAME = "乡村振兴服务站";
    public static final int JOINER_GROUP = 3;
    public static final YearMonth JOINS = YearMonth.of(YEAR, 10);
    /** The unit that moves from group 3 to group 2 in July. */
    public static final String MOVER = "U041";
    public static final int MOVER_NEW_GROUP = 2;
    public static final YearMonth MOVES = YearMonth.of(YEAR, 7);

    /** The unit that leaves in September (membership ends; it was a member January to August). */
    public static final String LEAVER = "U007";
    public static final YearMonth LEAVES = YearMonth.of(YEAR, 9);

    /** The units that send anything this year; every other unit of the directory sends nothing. */
    public static final List<String> SENDERS = List.of("U001", "U002", "U006", "U007", "U008", "U037", "U038",
            MOVER, JOINER);

    /** One item as the import file states it, and what became of it later. */
    public static final class PastItem {
        public final String unitId;
        public final String title;
        public final String category;
        public final LocalDateTime submittedAt;
        public final boolean voidedOnImport;
        public final LocalDateTime forwardedAt;
        public final boolean majorEmergency;
        /** Filled from intake's list once imported. */
        public String itemId;
        /** The room's later correction, or null. */
        public String correctedCategory;
        public Boolean correctedMajorEmergency;
        /** Voided by the room after the import (with everything it had earned). */
        public boolean voidedLater;
        /** Returned for revision by the room (the reason), whether or not a revision was received afterwards. */
        public String returnedWith;
        /** Returned and never resubmitted: the room never received it. */
        public boolean neverReceived;

        PastItem(String unitId, String title, String category, LocalDateTime submittedAt, boolean voidedOnImport,
                 LocalDateTime forwardedAt, boolean majorEmergency) {
            this.unitId = unitId;
            this.title = title;
            this.category = category;
            this.submittedAt = submittedAt;
            this.voidedOnImport = voidedOnImport;
            this.forwardedAt = forwardedAt;
            this.majorEmergency = majorEmergency;
        }

        /**
         * An item entered live through the API (returned, revised, answering a commission) with the category and
         * time of the version the room received (or, {@code neverReceived}, of the version it returned).
         */
        public static PastItem live(String unitId, String title, String category, LocalDateTime submittedAt) {
            return new PastItem(unitId, title, category, submittedAt, false, null, false);
        }

        public boolean voided() {
            return voidedOnImport || voidedLater;
        }

        public String categoryNow() {
            return correctedCategory != null ? correctedCategory : category;
        }

        public boolean majorEmergencyNow() {
            return correctedMajorEmergency != null ? correctedMajorEmergency : majorEmergency;
        }
    }

    /** One adoption or instruction record; {@code withdrawn} when the room withdraws it after the import. */
    public static final class Adoption {
        public final PastItem item;
        public final String kind;
        public final String publication;
        public final String issueNo;
        public final LocalDate date;
        public final String leader;
        public final String text;
        public boolean withdrawn;
        /** The source's place in a 综合采用 (0: the lead source), null for a single adoption. */
        public Integer combinedPosition;

        Adoption(PastItem item, String kind, String publication, String issueNo, LocalDate date, String leader,
                 String text) {
            this.item = item;
            this.kind = kind;
            this.publication = publication;
            this.issueNo = issueNo;
            this.date = date;
            this.leader = leader;
            this.text = text;
        }
    }

    /**
     * An answer to a commission: the item, when it was submitted, and the room's verdict (null: never judged); when
     * the unit revised it after the verdict, when the revision was submitted and the room's verdict on the revision
     * (null: not judged again).
     */
    public record Answer(String unitId, PastItem item, LocalDateTime answeredAt, Boolean accepted, String reason,
                         LocalDateTime revisedAt, Boolean rejudged) {

        public Answer(String unitId, PastItem item, LocalDateTime answeredAt, Boolean accepted, String reason) {
            this(unitId, item, answeredAt, accepted, reason, null, null);
        }

        /** The verdict that stands: a revision clears the earlier one until the room judges again. */
        public Boolean verdictNow() {
            return revisedAt == null ? accepted : rejudged;
        }

        /** When the version the verdict is about was submitted. */
        public LocalDateTime countedVersionAt() {
            return revisedAt == null ? answeredAt : revisedAt;
        }
    }

    public record Commission(String id, String title, List<String> targets, LocalDateTime issuedAt,
                             LocalDateTime deadline, List<Answer> answers) {
    }

    public final List<PastItem> items = new ArrayList<>();
    public final List<Adoption> adoptions = new ArrayList<>();
    public final List<Commission> commissions = new ArrayList<>();

    private static final String[] CATEGORIES = {"DYNAMIC", "DYNAMIC", "DYNAMIC", "BRIEF", "COMPREHENSIVE", "PROBLEM",
            "PROBLEM", "RESEARCH_REPORT"};
    private static final String[] KINDS = {"STATE_COUNCIL_ADOPTED", "REGION_FORWARDED_TO_STATE_COUNCIL",
            "CENTRAL_LEADER_INSTRUCTION", "REGION_DAILY_BRIEF_ADOPTED", "REGION_LEADER_INSTRUCTION",
            "CITY_BULLETIN_ADOPTED", "CITY_BULLETIN_ADOPTED", "CITY_FORWARDED_TO_REGION", "CITY_LEADER_INSTRUCTION",
            "CITY_LEADER_INSTRUCTION"};
    /** Items a month by group: nothing, short by tiers, exactly the quota, more. */
    private static final int[] COUNTS_QUOTA_8 = {0, 1, 3, 5, 7, 8, 8, 9};
    private static final int[] COUNTS_QUOTA_4 = {0, 1, 2, 3, 4, 4, 5};

    /** @param groupOf a unit's group in a month (the directory as this year's history has it) */
    public static YearOfRecords generate(long seed, java.util.function.BiFunction<String, YearMonth, Integer> groupOf) {
        YearOfRecords year = new YearOfRecords();
        Random random = new Random(seed);
        for (String unit : SENDERS) {
            for (int m = 1; m <= 12; m++) {
                YearMonth month = YearMonth.of(YEAR, m);
                Integer group = groupOf.apply(unit, month);
                if (group == null) {
                    continue;
                }
                int[] counts = group == 3 ? COUNTS_QUOTA_4 : COUNTS_QUOTA_8;
                int n = counts[random.nextInt(counts.length)];
                for (int i = 1; i <= n; i++) {
                    year.items.add(item(random, unit, month, i));
                }
            }
        }
        year.addAdoptions(random);
        year.addCommissions();
        return year;
    }

    private static PastItem item(Random random, String unit, YearMonth month, int index) {
        String title = unit + "单位" + month.getMonthValue() + "月政务信息第" + index + "条";
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        int edge = random.nextInt(20);
        LocalDateTime submitted;
        if (edge == 0) {
            // the last minutes of the month in Beijing (afternoon of the same day in UTC)
            submitted = month.atEndOfMonth().atTime(23, 50 + random.nextInt(10));
        } else if (edge == 1) {
            // the first half hour of the month in Beijing: still the previous month in UTC
            submitted = month.atDay(1).atTime(0, random.nextInt(30));
        } else {
            submitted = month.atDay(1 + random.nextInt(28)).atTime(8 + random.nextInt(10), random.nextInt(60));
        }
        boolean voided = random.nextInt(14) == 0;
        LocalDateTime forwarded = !voided && random.nextInt(5) == 0
                ? submitted.plusDays(1 + random.nextInt(4)).withHour(10).withMinute(0) : null;
        if (forwarded != null && forwarded.getYear() > YEAR) {
            forwarded = null;
        }
        boolean majorEmergency = random.nextInt(10) == 0;
        return new PastItem(unit, title, category, submitted, voided, forwarded, majorEmergency);
    }

    private void addAdoptions(Random random) {
        int issue = 1;
        for (PastItem item : items) {
            if (item.voidedOnImport || random.nextInt(8) != 0) {
                continue;
            }
            int records = 1 + random.nextInt(3);
            for (int r = 0; r < records; r++) {
                LocalDate date = item.submittedAt.toLocalDate().plusDays(random.nextInt(90));
                if (date.getYear() > YEAR) {
                    date = LocalDate.of(YEAR, 12, 31);
                }
                String kind = KINDS[random.nextInt(KINDS.length)];
                adoptions.add(record(item, kind, date, issue++));
            }
        }
    }

    public static Adoption record(PastItem item, String kind, LocalDate date, int issue) {
        if (kind.endsWith("INSTRUCTION")) {
            return new Adoption(item, kind, null, null, date, "某领导" + issue, "请总结经验做法（" + issue + "）");
        }
        String publication = switch (kind) {
            case "REGION_DAILY_BRIEF_ADOPTED" -> "每日要情";
            case "CITY_BULLETIN_ADOPTED" -> "鄂尔多斯政讯";
            case "STATE_COUNCIL_ADOPTED" -> "国务院办公厅信息";
            default -> "转报件";
        };
        return new Adoption(item, kind, publication, YEAR + "年第" + issue + "期", date, null, null);
    }

    /**
     * Three commissions: accepted on time (one unit twice), answered in the deadline's own minute, late though
     * accepted, rejected, never judged; the mover answers one from its new group.
     */
    private void addCommissions() {
        commissions.add(commission("CMS-Y-2025-01", "一季度乡村振兴典型做法", YearMonth.of(YEAR, 3), 1,
                List.of("U006", "U007", "U037")));
        commissions.add(commission("CMS-Y-2025-02", "上半年营商环境优化做法", YearMonth.of(YEAR, 6), 2,
                List.of("U001", "U008", "U038")));
        commissions.add(commission("CMS-Y-2025-03", "四季度民生改善成效", YearMonth.of(YEAR, 11), 3,
                List.of("U002", "U006", MOVER, JOINER)));
    }

    private Commission commission(String id, String title, YearMonth month, int n, List<String> targets) {
        LocalDateTime issuedAt = month.atDay(1).atTime(9, 0);
        LocalDateTime deadline = month.atDay(20).atTime(17, 0);
        List<Answer> answers = new ArrayList<>();
        int verdict = 0;
        for (String unit : targets) {
            List<PastItem> candidates = items.stream()
                    .filter(i -> i.unitId.equals(unit) && !i.voidedOnImport
                            && YearMonth.from(i.submittedAt).equals(month) && i.submittedAt.isAfter(issuedAt)
                            && i.submittedAt.getDayOfMonth() < 20)
                    .toList();
            for (PastItem answer : candidates.subList(0, Math.min(2, candidates.size()))) {
                Boolean accepted = switch (verdict++ % 4) {
                    case 0, 1 -> Boolean.TRUE;
                    case 2 -> Boolean.FALSE;
                    default -> null;
                };
                answers.add(new Answer(unit, answer, answer.submittedAt, accepted,
                        Boolean.FALSE.equals(accepted) ? "未附典型案例" : null));
            }
        }
        // an answer in the deadline's own minute (on time) and one a minute later (late, though accepted)
        PastItem inTheMinute = new PastItem(targets.get(0), targets.get(0) + "单位约稿答复" + n + "（截止当分钟）",
                "RESEARCH_REPORT", deadline.withSecond(0), false, null, false);
        PastItem late = new PastItem(targets.get(1), targets.get(1) + "单位约稿答复" + n + "（逾期）", "DYNAMIC",
                deadline.plusMinutes(1), false, null, false);
        items.add(inTheMinute);
        items.add(late);
        answers.add(new Answer(inTheMinute.unitId, inTheMinute, inTheMinute.submittedAt, true, null));
        answers.add(new Answer(late.unitId, late, late.submittedAt, true, null));
        return new Commission(id, title, targets, issuedAt, deadline, answers);
    }

    /**
     * The rules this year's records do not exercise (empty when every case the check is meant to cover occurs):
     * a generated year is only a good check if it holds them.
     */
    public List<String> rulesNotExercised() {
        List<String> missing = new ArrayList<>();
        check(missing, "a sending unit's month with nothing received",
                SENDERS.stream().anyMatch(u -> java.util.stream.IntStream.rangeClosed(1, 12).anyMatch(m -> items.stream()
                        .noneMatch(i -> i.unitId.equals(u) && i.submittedAt.getMonthValue() == m))));
        check(missing, "an item in the first half hour of a month (Beijing)",
                items.stream().anyMatch(i -> i.submittedAt.getDayOfMonth() == 1 && i.submittedAt.getHour() == 0));
        check(missing, "a forward in a later month than the submission", items.stream().anyMatch(i ->
                i.forwardedAt != null && !YearMonth.from(i.forwardedAt).equals(YearMonth.from(i.submittedAt))));
        check(missing, "an item voided on import", items.stream().anyMatch(i -> i.voidedOnImport));
        check(missing, "an item voided later", items.stream().anyMatch(i -> i.voidedLater));
        check(missing, "a category corrected", items.stream().anyMatch(i -> i.correctedCategory != null));
        check(missing, "an instruction on a 重大紧急 item", adoptions.stream()
                .anyMatch(a -> a.kind.endsWith("_INSTRUCTION") && a.item.majorEmergencyNow() && !a.withdrawn));
        check(missing, "a higher record in a later month", adoptions.stream().anyMatch(a -> adoptions.stream()
                .anyMatch(b -> b.item == a.item && b.date.isAfter(a.date) && !YearMonth.from(b.date)
                        .equals(YearMonth.from(a.date)))));
        check(missing, "a withdrawn record", adoptions.stream().anyMatch(a -> a.withdrawn));
        check(missing, "two accepted on-time answers of one unit to one commission", commissions.stream().anyMatch(
                c -> c.answers().stream().filter(a -> Boolean.TRUE.equals(a.accepted()))
                        .collect(java.util.stream.Collectors.groupingBy(Answer::unitId, java.util.stream.Collectors
                                .counting())).values().stream().anyMatch(n -> n > 1)));
        check(missing, "a rejected answer", commissions.stream()
                .anyMatch(c -> c.answers().stream().anyMatch(a -> Boolean.FALSE.equals(a.accepted()))));
        check(missing, "an answer never judged", commissions.stream()
                .anyMatch(c -> c.answers().stream().anyMatch(a -> a.accepted() == null)));
        check(missing, "the mover's items before and after its move",
                items.stream().anyMatch(i -> i.unitId.equals(MOVER) && YearMonth.from(i.submittedAt).isBefore(MOVES))
                        && items.stream().anyMatch(i -> i.unitId.equals(MOVER)
                        && !YearMonth.from(i.submittedAt).isBefore(MOVES)));
        check(missing, "the joiner's items", items.stream().anyMatch(i -> i.unitId.equals(JOINER)));
        check(missing, "the leaver's items before it leaves", items.stream()
                .anyMatch(i -> i.unitId.equals(LEAVER) && YearMonth.from(i.submittedAt).isBefore(LEAVES)));
        check(missing, "a returned item never received", items.stream()
                .anyMatch(i -> i.returnedWith != null && i.neverReceived));
        check(missing, "a returned item received after its revision", items.stream()
                .anyMatch(i -> i.returnedWith != null && !i.neverReceived && !i.voided()));
        check(missing, "a 综合采用 crediting every source", adoptions.stream().anyMatch(a -> a.combinedPosition != null
                && a.combinedPosition > 0 && CountyRules.credits(a.date, a.combinedPosition)));
        check(missing, "a 综合采用 crediting its lead source only", adoptions.stream().anyMatch(a ->
                a.combinedPosition != null && a.combinedPosition > 0 && !CountyRules.credits(a.date, a.combinedPosition)));
        check(missing, "a judged answer revised and judged again", commissions.stream().anyMatch(c -> c.answers()
                .stream().anyMatch(a -> a.revisedAt() != null && a.accepted() != null && a.rejudged() != null)));
        check(missing, "a judged answer revised and not judged again", commissions.stream().anyMatch(c -> c.answers()
                .stream().anyMatch(a -> a.revisedAt() != null && a.accepted() != null && a.rejudged() == null)));
        return missing;
    }

    private static void check(List<String> missing, String rule, boolean exercised) {
        if (!exercised) {
            missing.add(rule);
        }
    }

    /** Items by title (titles are unique within the year). */
    public Map<String, PastItem> byUnitAndTitle() {
        Map<String, PastItem> map = new LinkedHashMap<>();
        for (PastItem item : items) {
            map.put(item.unitId + "|" + item.title, item);
        }
        return map;
    }
}
