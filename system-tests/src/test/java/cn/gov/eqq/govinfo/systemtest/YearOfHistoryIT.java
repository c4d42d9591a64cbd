package cn.gov.eqq.govinfo.systemtest;

import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.systemtest.year.CountyRules;
import cn.gov.eqq.govinfo.systemtest.year.Differences;
import cn.gov.eqq.govinfo.systemtest.year.PublicApi;
import cn.gov.eqq.govinfo.systemtest.year.ReferenceScoring;
import cn.gov.eqq.govinfo.systemtest.year.YearOfRecords;
import cn.gov.eqq.govinfo.systemtest.year.YearOfRecords.Adoption;
import cn.gov.eqq.govinfo.systemtest.year.YearOfRecords.Answer;
import cn.gov.eqq.govinfo.systemtest.year.YearOfRecords.Commission;
import cn.gov.eqq.govinfo.systemtest.year.YearOfRecords.PastItem;
import cn.gov.eqq.govinfo.systemtest.year.YearStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15's "done when", as our own check: a whole past year enters through the public API only (units that join,
 * move and leave, the county's policy versions from 1 January and from 1 July, the item import with outcomes and
 * forwards, the adoption import, a withdrawal, 综合采用 records, the commission import with answers and judgements,
 * the room's corrections, later voids), then this month's live work (items returned for revision, one revised and
 * received, one never; judged commission answers revised, one judged again), and every unit's points by source,
 * received count, quota, shortfall and rank, for every month, quarter and year of every group (the past year and
 * this one), equal an independent calculation of the rules ({@link ReferenceScoring}) — before and after a replay
 * of scoring from the log, and in reporting's kept rankings.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YearOfHistoryIT {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String ROOM = "room-editor";
    private static final String ADMIN = "admin";
    private static final String VIEWER = "banner-leader";
    private static final Duration SETTLE = Duration.ofMinutes(4);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    static DevStack stack;
    static PublicApi api;
    /** Each unit's membership spans as the directory had them before the year was entered. */
    static final Map<String, List<Span>> directory = new TreeMap<>();
    static YearOfRecords year;
    static ReferenceScoring reference;

    @BeforeAll
    static void startTheWholeSystem() {
        stack = YearStack.stack();
        api = new PublicApi(stack.gatewayUrl(), YearStack.tokens()::password);
    }

    /** The membership the year's history gives each unit, month by month — the test's own, not the system's. */
    static Integer groupOf(String unitId, YearMonth month) {
        if (unitId.equals(YearOfRecords.JOINER)) {
            return month.isBefore(YearOfRecords.JOINS) ? null : YearOfRecords.JOINER_GROUP;
        }
        if (unitId.equals(YearOfRecords.LEAVER) && !month.isBefore(YearOfRecords.LEAVES)) {
            return null;
        }
        if (unitId.equals(YearOfRecords.MOVER) && !month.isBefore(YearOfRecords.MOVES)) {
            return YearOfRecords.MOVER_NEW_GROUP;
        }
        for (Span span : directory.getOrDefault(unitId, List.of())) {
            if (!month.isBefore(span.from()) && (span.until() == null || month.isBefore(span.until()))) {
                return span.group();
            }
        }
        return null;
    }

    /** A unit's membership of a group from a month until (not including) a month, null: still lasting. */
    record Span(int group, YearMonth from, YearMonth until) {
    }

    @Test
    @Order(1)
    void aWholeYearEntersThroughThePublicApi() {
        long started = System.nanoTime();
        readTheSeededDirectory();
        year = YearOfRecords.generate(20251231L, YearOfHistoryIT::groupOf);
        changeTheUnits();
        addTheCountysPolicyVersionFromTheFirstOfJanuary();
        importTheItems();
        findTheItemIds();
        correctCategoriesAndAFlag();
        importTheAdoptions();
        withdrawOneAdoptionRecord();
        importTheCommissions();
        voidTwoItemsThatHadEarnedPoints();
        recordTwoCombinedAdoptions();
        returnTwoItemsAndReceiveOneRevision();
        reviseTwoJudgedCommissionAnswersAndJudgeOneAgain();
        assertThat(year.rulesNotExercised()).as("rules the year's records do not exercise").isEmpty();
        List<String> units = new ArrayList<>(directory.keySet());
        units.add(YearOfRecords.JOINER);
        reference = new ReferenceScoring(units, YearOfHistoryIT::groupOf, year, LocalDate.now(BEIJING));
        System.out.printf("[year] entered %d items, %d adoption records, %d commissions in %.1f s%n",
                year.items.size(), year.adoptions.size(), year.commissions.size(),
                (System.nanoTime() - started) / 1e9);
    }

    @Test
    @Order(2)
    void everyRankingOfTheYearEqualsTheReference() {
        awaitRankingsEqualTheReference("scoring", "/api/scoring/rankings");
    }

    @Test
    @Order(3)
    void everySendingUnitsOwnScoreEqualsTheReference() {
        long started = System.nanoTime();
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            Differences differences = new Differences();
            List<String> periods = new ArrayList<>(ReferenceScoring.periodsOf(YearOfRecords.YEAR));
            LocalDate today = LocalDate.now(BEIJING);
            periods.addAll(List.of(YearMonth.from(today).toString(),
                    today.getYear() + "-Q" + today.get(IsoFields.QUARTER_OF_YEAR), String.valueOf(today.getYear())));
            for (String unit : YearOfRecords.SENDERS) {
                for (String period : periods) {
                    PublicApi.Answer score = api.get("/api/scoring/units/" + unit + "/score?period=" + period, ROOM);
                    if (score.status() != 200) {
                        differences.add(unit + " " + period, "单位积分 HTTP " + score.status() + " " + score.body());
                        continue;
                    }
                    differences.compareFigures("单位积分 " + period + " " + unit,
                            reference.unitScore(unit, period), score.json());
                }
            }
            assertThat(differences.isEmpty()).as("%s", differences).isTrue();
        });
        System.out.printf("[year] unit scores equal the reference after %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @Test
    @Order(4)
    void afterAReplayFromTheLogEveryRankingStillEqualsTheReference() {
        long started = System.nanoTime();
        PublicApi.Answer replay = api.post("/api/scoring/replay", ADMIN, "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode status = api.get("/api/scoring/replay", ADMIN).expect(200, "重放状态");
            assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("DONE");
        });
        System.out.printf("[year] replay DONE after %.1f s%n", (System.nanoTime() - started) / 1e9);
        awaitRankingsEqualTheReference("scoring after the replay", "/api/scoring/rankings");
    }

    @Test
    @Order(5)
    void reportingKeepsEveryPeriodsRankingWithTheSameFigures() {
        awaitRankingsEqualTheReference("reporting", "/api/reporting/rankings");
    }

    private static void awaitRankingsEqualTheReference(String who, String path) {
        long started = System.nanoTime();
        Map<String, List<ReferenceScoring.Row>> expected = reference.allRankings(YearOfRecords.YEAR,
                LocalDate.now(BEIJING).getYear());
        Differences[] last = new Differences[1];
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
                Differences differences = new Differences();
                expected.forEach((key, rows) -> {
                    String group = key.substring(0, key.indexOf('|'));
                    String period = key.substring(key.indexOf('|') + 1);
                    String where = who + " 第" + group + "组 " + period;
                    PublicApi.Answer ranking = api.get(path + "?group=" + group + "&period=" + period, VIEWER);
                    if (ranking.status() != 200) {
                        differences.add(where, "HTTP " + ranking.status() + " " + ranking.body());
                    } else {
                        differences.compareRanking(where, rows, ranking.json());
                    }
                });
                last[0] = differences;
                assertThat(differences.isEmpty()).as("%s", differences).isTrue();
            });
        } finally {
            System.out.printf("[year] %s: %d rankings compared, %s after %.1f s%n", who, expected.size(),
                    last[0] == null ? "none read" : last[0].isEmpty() ? "all equal" : last[0].size() + " differences",
                    (System.nanoTime() - started) / 1e9);
        }
    }

    // ---- entering the year ----------------------------------------------------------------------------------

    private static void readTheSeededDirectory() {
        // the directory is the year's starting point (other system tests on the shared system may have added units)
        for (JsonNode unit : api.get("/api/intake/units", ADMIN).expect(200, "单位目录")) {
            List<Span> spans = new ArrayList<>();
            for (JsonNode span : unit.get("memberships")) {
                JsonNode until = span.get("untilMonth");
                spans.add(new Span(span.get("group").asInt(), YearMonth.parse(span.get("fromMonth").asString()),
                        until == null || until.isNull() ? null : YearMonth.parse(until.asString())));
            }
            directory.put(unit.get("unitId").asString(), spans);
        }
        // the senders are seeded units, members of their group since 2022-07; the joiner is not there yet
        for (String sender : YearOfRecords.SENDERS) {
            if (!sender.equals(YearOfRecords.JOINER)) {
                assertThat(directory.get(sender)).as(sender).hasSize(1);
                assertThat(directory.get(sender).get(0).from()).as(sender).isEqualTo(YearMonth.of(2022, 7));
            }
        }
        assertThat(directory).doesNotContainKey(YearOfRecords.JOINER);
        assertThat(groupOf(YearOfRecords.MOVER, YearMonth.of(YearOfRecords.YEAR, 1))).isEqualTo(3);
    }

    private static void changeTheUnits() {
        api.post("/api/intake/units", ADMIN, """
                {"unitId":"%s","name":"%s","group":%d,"fromMonth":"%s"}""".formatted(YearOfRecords.JOINER,
                YearOfRecords.JOINER_NAME, YearOfRecords.JOINER_GROUP, YearOfRecords.JOINS)).expect(201, "新增单位");
        api.put("/api/intake/units/" + YearOfRecords.MOVER, ADMIN, """
                {"group":%d,"fromMonth":"%s"}""".formatted(YearOfRecords.MOVER_NEW_GROUP, YearOfRecords.MOVES))
                .expect(200, "单位调整分组");
        api.put("/api/intake/units/" + YearOfRecords.LEAVER, ADMIN, """
                {"active":false,"fromMonth":"%s"}""".formatted(YearOfRecords.LEAVES)).expect(200, "单位撤销");
    }

    private static void addTheCountysPolicyVersionFromTheFirstOfJanuary() {
        JsonNode shipped = null;
        for (JsonNode version : api.get("/api/scoring/policies", ADMIN).expect(200, "积分标准版本")) {
            shipped = version;
        }
        assertThat(shipped).isNotNull();
        ObjectNode county = (ObjectNode) shipped.deepCopy();
        county.put("version", "county-" + YearOfRecords.YEAR);
        county.put("effectiveFrom", YearOfRecords.YEAR + "-01-01");
        county.put("source", "本旗信息室确定的扣分梯次（" + YearOfRecords.YEAR + "年起）");
        county.set("shortfall", PublicApi.JSON.readTree(CountyRules.shortfallJson()));
        county.put("combinedCredit", CountyRules.combinedCreditOn(LocalDate.of(YearOfRecords.YEAR, 1, 1)));
        api.post("/api/scoring/policies", ADMIN, county.toString()).expect(201, "新增积分标准版本");
        // the same tiers from 1 July, with 综合采用 credited to the lead source only
        county.put("version", "county-" + YearOfRecords.YEAR + "-h2");
        county.put("effectiveFrom", CountyRules.LEAD_ONLY_FROM.toString());
        county.put("source", "本旗信息室调整综合采用计分规则（" + YearOfRecords.YEAR + "年7月起只计首条来源信息）");
        county.put("combinedCredit", CountyRules.combinedCreditOn(CountyRules.LEAD_ONLY_FROM));
        api.post("/api/scoring/policies", ADMIN, county.toString()).expect(201, "新增积分标准版本（7月起）");
    }

    private static void importTheItems() {
        StringBuilder csv = new StringBuilder(
                "unit_id,title,category,submitted_at,outcome,decided_at,forwarded_at,major_emergency,topics,void_reason,body\n");
        for (PastItem item : year.items) {
            csv.append(item.unitId).append(',').append(item.title).append(',').append(item.category).append(',')
                    .append(MINUTE.format(item.submittedAt)).append(',')
                    .append(item.voidedOnImport ? "VOIDED" : "RECEIVED").append(',')
                    .append(MINUTE.format(item.submittedAt.plusHours(1))).append(',')
                    .append(item.forwardedAt == null ? "" : MINUTE.format(item.forwardedAt)).append(',')
                    .append(item.majorEmergency ? "是" : "否").append(",乡村振兴,")
                    .append(item.voidedOnImport ? "与其他单位信息重复" : "").append(",本月工作进展……\n");
        }
        JsonNode accepted = api.upload("/api/intake/imports", ROOM, "items-" + YearOfRecords.YEAR + ".csv",
                csv.toString()).expect(202, "信息补录");
        // checked and written in the background: the batch tells its progress until it is done
        JsonNode[] result = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            result[0] = api.get("/api/intake/imports/" + accepted.get("batchId").asString(), ROOM)
                    .expect(200, "补录进度");
            return List.of("DONE", "FAILED").contains(result[0].get("state").asString());
        });
        assertThat(result[0].get("state").asString()).as(result[0].toString()).isEqualTo("DONE");
        assertThat(result[0].get("added").asInt()).as(result[0].toString()).isEqualTo(year.items.size());
    }

    private static void findTheItemIds() {
        Map<String, PastItem> byKey = year.byUnitAndTitle();
        for (String unit : YearOfRecords.SENDERS) {
            for (int page = 0; ; page++) {
                JsonNode answer = api.get("/api/intake/items?unitId=" + unit + "&period=" + YearOfRecords.YEAR
                        + "&size=100&page=" + page, ROOM).expect(200, "信息列表");
                for (JsonNode item : answer.get("items")) {
                    PastItem past = byKey.get(unit + "|" + item.get("content").get("title").asString());
                    if (past != null) {
                        past.itemId = item.get("id").asString();
                    }
                }
                if ((long) (page + 1) * 100 >= answer.get("total").asLong()) {
                    break;
                }
            }
        }
        assertThat(year.items).allSatisfy(i -> assertThat(i.itemId).as(i.title).isNotNull());
    }

    /** 动态类 → 问题类 on one item, 问题类 → 简讯类 on another, and 重大紧急 set on an item with an instruction. */
    private static void correctCategoriesAndAFlag() {
        PastItem toProblem = firstReceived(i -> i.category.equals("DYNAMIC") && i.unitId.equals("U006"));
        correct(toProblem, "{\"category\":\"PROBLEM\",\"reason\":\"反映问题并提出对策建议，应为问题类\"}");
        toProblem.correctedCategory = "PROBLEM";
        PastItem toBrief = firstReceived(i -> i.category.equals("PROBLEM") && i.unitId.equals("U037"));
        correct(toBrief, "{\"category\":\"BRIEF\",\"reason\":\"未反映问题，应为简讯类\"}");
        toBrief.correctedCategory = "BRIEF";
        Adoption instruction = year.adoptions.stream()
                .filter(a -> a.kind.endsWith("_INSTRUCTION") && !a.item.majorEmergency).findFirst().orElseThrow();
        correct(instruction.item, "{\"majorEmergency\":true,\"reason\":\"属突发事件，应为重大紧急类\"}");
        instruction.item.correctedMajorEmergency = true;
    }

    private static PastItem firstReceived(java.util.function.Predicate<PastItem> which) {
        return year.items.stream().filter(i -> !i.voidedOnImport).filter(which).findFirst().orElseThrow();
    }

    private static void correct(PastItem item, String body) {
        api.post("/api/intake/items/" + item.itemId + "/correct", ROOM, body).expect(200, "更正 " + item.title);
    }

    private static void importTheAdoptions() {
        StringBuilder csv = new StringBuilder(
                "item_id,unit,title,kind,publication,issue_no,date,leader,text,follow_up_action,follow_up_due\n");
        for (Adoption a : year.adoptions) {
            csv.append(a.item.itemId).append(",,,").append(a.kind).append(',')
                    .append(a.publication == null ? "" : a.publication).append(',')
                    .append(a.issueNo == null ? "" : a.issueNo).append(',').append(a.date).append(',')
                    .append(a.leader == null ? "" : a.leader).append(',').append(a.text == null ? "" : a.text)
                    .append(",,\n");
        }
        // checked and written in the background; a line naming an item adoption-tracking has not yet heard of from
        // intake's events waits for it, and the batch's status counts the lines still waiting
        JsonNode accepted = api.upload("/api/adoption/imports", ROOM, "adoptions-" + YearOfRecords.YEAR + ".csv",
                csv.toString()).expect(202, "采用记录导入");
        JsonNode[] result = new JsonNode[1];
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            result[0] = api.get("/api/adoption/imports/" + accepted.get("batchId").asString(), ROOM)
                    .expect(200, "采用记录导入进度");
            String state = result[0].get("state").asString();
            return state.equals("FAILED") || state.equals("DONE") && result[0].get("waiting").asInt() == 0;
        });
        assertThat(result[0].get("state").asString()).as(result[0].toString()).isEqualTo("DONE");
    }

    /** The record that raised an item's value the most is withdrawn: the item falls back to its other records. */
    private static void withdrawOneAdoptionRecord() {
        Adoption withdrawn = year.adoptions.stream()
                .filter(a -> !a.item.majorEmergencyNow() && year.adoptions.stream().filter(o -> o.item == a.item).count() > 1)
                .max(java.util.Comparator.comparingInt(a -> CountyRules.KIND_POINTS.get(a.kind))).orElseThrow();
        JsonNode view = api.get("/api/adoption/items/" + withdrawn.item.itemId, ROOM).expect(200, "采用记录");
        String recordId = null;
        for (JsonNode record : view.get("records")) {
            if (record.get("kind").asString().equals(withdrawn.kind)
                    && record.get("effectiveDate").asString().equals(withdrawn.date.toString())) {
                recordId = record.get("recordId").asString();
            }
        }
        assertThat(recordId).as(view.toString()).isNotNull();
        api.post("/api/adoption/items/" + withdrawn.item.itemId + "/records/" + recordId + "/withdrawal", ROOM,
                "{\"reason\":\"误录，撤销\"}").expect(200, "撤销采用记录");
        withdrawn.withdrawn = true;
    }

    private static void importTheCommissions() {
        importCommissions(year.commissions, a -> a.answeredAt().plusDays(2));
    }

    /** The commission import of {@code commissions}, each verdict given at {@code judgedAt} of its answer. */
    private static void importCommissions(List<Commission> commissions,
                                          java.util.function.Function<Answer, LocalDateTime> judgedAt) {
        StringBuilder json = new StringBuilder("{\"commissions\":[");
        for (Commission c : commissions) {
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append("{\"id\":\"").append(c.id())
                    .append("\",\"title\":\"").append(c.title()).append("\",\"requirements\":\"800字以内\",")
                    .append("\"targetUnitIds\":[\"").append(String.join("\",\"", c.targets())).append("\"],")
                    .append("\"issuedAt\":\"").append(MINUTE.format(c.issuedAt())).append("\",\"deadline\":\"")
                    .append(MINUTE.format(c.deadline())).append("\",\"answers\":[");
            for (int i = 0; i < c.answers().size(); i++) {
                Answer a = c.answers().get(i);
                json.append(i == 0 ? "" : ",").append("{\"unitId\":\"").append(a.unitId()).append("\",\"itemId\":\"")
                        .append(a.item().itemId).append("\",\"answeredAt\":\"").append(MINUTE.format(a.answeredAt()))
                        .append('"');
                if (a.accepted() != null) {
                    LocalDateTime judged = judgedAt.apply(a);
                    json.append(",\"accepted\":").append(a.accepted()).append(",\"judgedAt\":\"")
                            .append(MINUTE.format(judged)).append('"');
                    if (a.reason() != null) {
                        json.append(",\"reason\":\"").append(a.reason()).append('"');
                    }
                }
                json.append('}');
            }
            json.append("]}");
        }
        json.append("]}");
        // commission-tasking learns of the new unit from intake's unit events; until then its check names the unit
        // unknown and the batch fails: sending the same import again queues it once more
        JsonNode[] batch = new JsonNode[1];
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            String batchId = api.post("/api/commission/imports", ROOM, json.toString()).expect(202, "约稿补录")
                    .get("batchId").asString();
            // checked and written in the background: the batch tells its progress until it is finished
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
                batch[0] = api.get("/api/commission/imports/" + batchId, ROOM).expect(200, "约稿补录进度");
                return List.of("DONE", "FAILED").contains(batch[0].get("state").asString());
            });
            assertThat(batch[0].get("state").asString()).as(batch[0].toString()).isEqualTo("DONE");
        });
    }

    /** A forwarded item with adoption records and an accepted commission answer are voided: all their points go. */
    private static void voidTwoItemsThatHadEarnedPoints() {
        Map<PastItem, Integer> adoptionCount = new HashMap<>();
        year.adoptions.forEach(a -> adoptionCount.merge(a.item, 1, Integer::sum));
        // not the item whose record was withdrawn nor a corrected one: their own checks must stay visible
        List<PastItem> candidates = year.items.stream().filter(adoptionCount::containsKey)
                .filter(i -> !i.voided() && i.correctedCategory == null && i.correctedMajorEmergency == null)
                .filter(i -> year.adoptions.stream().noneMatch(a -> a.item == i && a.withdrawn)).toList();
        PastItem forwardedAndAdopted = candidates.stream().filter(i -> i.forwardedAt != null).findFirst()
                .orElse(candidates.get(0));
        PastItem acceptedAnswer = year.commissions.get(1).answers().stream()
                .filter(a -> Boolean.TRUE.equals(a.accepted()) && !a.item().voided()).findFirst().orElseThrow().item();
        for (PastItem item : List.of(forwardedAndAdopted, acceptedAnswer)) {
            api.post("/api/intake/items/" + item.itemId + "/void", ROOM, "{\"reason\":\"经核实与已报信息重复\"}")
                    .expect(200, "作废 " + item.title);
            item.voidedLater = true;
        }
    }

    /**
     * Two 综合采用 records through the adoption API, each naming three units' items (the first the lead source): in May,
     * under the county's first version, every source earns the kind's points; in September, under the version from
     * 1 July, only the lead source does. Sources with no other record, so that the credit alone decides.
     */
    private static void recordTwoCombinedAdoptions() {
        combined(List.of("U001", "U006", "U037"), "REGION_DAILY_BRIEF_ADOPTED", LocalDate.of(YearOfRecords.YEAR, 5, 20),
                9001);
        combined(List.of("U002", "U008", "U038"), "CITY_BULLETIN_ADOPTED", LocalDate.of(YearOfRecords.YEAR, 9, 25),
                9002);
    }

    private static void combined(List<String> units, String kind, LocalDate date, int issue) {
        List<PastItem> sources = new ArrayList<>();
        for (String unit : units) {
            sources.add(year.items.stream().filter(i -> i.unitId.equals(unit) && !i.voided())
                    .filter(i -> i.submittedAt.toLocalDate().isBefore(date))
                    .filter(i -> year.adoptions.stream().noneMatch(a -> a.item == i))
                    .filter(i -> year.commissions.stream().flatMap(c -> c.answers().stream())
                            .noneMatch(a -> a.item() == i))
                    .findFirst().orElseThrow(() -> new AssertionError("no source item of " + unit + " before " + date)));
        }
        List<Adoption> records = new ArrayList<>();
        for (int position = 0; position < sources.size(); position++) {
            Adoption record = YearOfRecords.record(sources.get(position), kind, date, issue);
            record.combinedPosition = position;
            records.add(record);
        }
        Adoption lead = records.get(0);
        api.post("/api/adoption/combined", ROOM, """
                {"sourceItemIds":["%s"],"record":{"kind":"%s","publication":"%s","issueNo":"%s","effectiveDate":"%s"}}"""
                .formatted(String.join("\",\"", sources.stream().map(i -> i.itemId).toList()), kind,
                        lead.publication, lead.issueNo, date)).expect(201, "综合采用 " + date);
        year.adoptions.addAll(records);
    }

    // ---- this month's live work ------------------------------------------------------------------------------

    private static String reporterOf(String unit) {
        return unit.toLowerCase() + "-reporter";
    }

    private static String draftJson(String title, String category, String commissionId) {
        return """
                {"title":"%s","body":"%s：围绕重点工作开展情况，报送本月进展。","category":"%s","topics":["LIVELIHOOD"],
                 "eventDate":"%s","reporterName":"张明","contactPhone":"13800000000","polarity":"%s",
                 "majorEvent":false,"majorEmergency":false,"countermeasures":"建议加强统筹调度。"%s}"""
                .formatted(title, title, category, LocalDate.now(BEIJING),
                        category.equals("PROBLEM") ? "PROBLEM" : "GOOD_NEWS",
                        commissionId == null ? "" : ",\"commissionId\":\"" + commissionId + "\"");
    }

    /** A reporter's draft, submitted; the item's id. */
    private static String submitNew(String unit, String title, String category) {
        String id = api.post("/api/intake/items", reporterOf(unit), draftJson(title, category, null))
                .expect(201, "新建草稿 " + title).get("id").asString();
        api.post("/api/intake/items/" + id + "/submit", reporterOf(unit), "").expect(200, "报送 " + title);
        return id;
    }

    /** The revision of a returned item, submitted (409 while intake has not yet heard of its commission). */
    private static JsonNode resubmit(String unit, String id, String title, String category, String commissionId) {
        api.put("/api/intake/items/" + id, reporterOf(unit), draftJson(title, category, commissionId))
                .expect(200, "修改 " + title);
        JsonNode[] submitted = new JsonNode[1];
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            PublicApi.Answer answer = api.post("/api/intake/items/" + id + "/submit", reporterOf(unit), "");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            submitted[0] = answer.json();
        });
        return submitted[0];
    }

    private static void returnForRevision(String id, String opinion) {
        api.post("/api/intake/items/" + id + "/return", ROOM, "{\"opinion\":\"" + opinion + "\"}")
                .expect(200, "退回 " + id);
    }

    private static LocalDateTime beijing(JsonNode instant) {
        return LocalDateTime.ofInstant(Instant.parse(instant.asString()), BEIJING);
    }

    /**
     * 退回: one item returned and never sent again counts nothing; another returned, revised from 动态类 to 问题类,
     * resubmitted and received counts once, with the revision's category, in the month of the revision.
     */
    private static void returnTwoItemsAndReceiveOneRevision() {
        String neverTitle = "U006单位本月信息（退回未重报）";
        String never = submitNew("U006", neverTitle, "DYNAMIC");
        returnForRevision(never, "内容过于简略，请补充具体数据后重报");
        PastItem neverItem = PastItem.live("U006", neverTitle, "DYNAMIC", LocalDateTime.now(BEIJING));
        neverItem.itemId = never;
        neverItem.returnedWith = "内容过于简略，请补充具体数据后重报";
        neverItem.neverReceived = true;

        String revisedTitle = "U006单位本月信息（退回后重报）";
        String revised = submitNew("U006", revisedTitle, "DYNAMIC");
        returnForRevision(revised, "反映了问题，请按问题类补充对策建议后重报");
        JsonNode resubmitted = resubmit("U006", revised, revisedTitle, "PROBLEM", null);
        api.post("/api/intake/items/" + revised + "/receive", ROOM, "").expect(200, "接收 " + revisedTitle);
        PastItem revisedItem = PastItem.live("U006", revisedTitle, "PROBLEM", beijing(resubmitted.get("submittedAt")));
        revisedItem.itemId = revised;
        revisedItem.returnedWith = "反映了问题，请按问题类补充对策建议后重报";
        year.items.add(neverItem);
        year.items.add(revisedItem);
    }

    /**
     * ADR 0016's revised answer: two units' items answered a commission and the room's verdicts (accepted) came with
     * the commission import while the items were still waiting; the room returns both, the units revise them (now
     * naming the commission) and the room receives the revisions: the verdicts lapse. The room judges one revision
     * again (accepted, +10 in the month of the revision); the other stays unjudged and earns nothing.
     */
    private static void reviseTwoJudgedCommissionAnswersAndJudgeOneAgain() {
        String commissionId = "CMS-Y-REVISED";
        LocalDateTime issued = LocalDateTime.now(BEIJING).truncatedTo(ChronoUnit.MINUTES).minusMinutes(30);
        LocalDateTime deadline = issued.plusDays(3).withHour(17).withMinute(0);
        List<String> units = List.of("U001", "U002");
        List<PastItem> items = new ArrayList<>();
        List<Answer> firstAnswers = new ArrayList<>();
        for (String unit : units) {
            String title = unit + "单位约稿答复（修改重报）";
            String id = submitNew(unit, title, "DYNAMIC");
            JsonNode view = api.get("/api/intake/items/" + id, ROOM).expect(200, "信息 " + id);
            PastItem item = PastItem.live(unit, title, "DYNAMIC", beijing(view.get("submittedAt")));
            item.itemId = id;
            items.add(item);
            firstAnswers.add(new Answer(unit, item, item.submittedAt.truncatedTo(ChronoUnit.MINUTES), true, null));
        }
        Commission imported = new Commission(commissionId, "本月民生实事进展", units, issued, deadline, firstAnswers);
        importCommissions(List.of(imported), Answer::answeredAt);

        List<LocalDateTime> revisedAt = new ArrayList<>();
        for (PastItem item : items) {
            returnForRevision(item.itemId, "请补充约稿要求的典型案例");
            JsonNode resubmitted = resubmit(item.unitId, item.itemId, item.title, "DYNAMIC", commissionId);
            revisedAt.add(beijing(resubmitted.get("submittedAt")));
            api.post("/api/intake/items/" + item.itemId + "/receive", ROOM, "").expect(200, "接收 " + item.title);
        }
        // the room judges the revision only once commission-tasking holds it, received
        PastItem judgedAgain = items.get(1);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode commission = api.get("/api/commission/commissions/" + commissionId, ROOM).expect(200, "约稿");
            boolean revisionReceived = false;
            for (JsonNode target : commission.get("targets")) {
                for (JsonNode answer : target.get("answers")) {
                    revisionReceived |= answer.get("itemId").asString().equals(judgedAgain.itemId)
                            && answer.get("revision").asInt() == 2 && answer.get("received").asBoolean();
                }
            }
            assertThat(revisionReceived).as(commission.toString()).isTrue();
        });
        api.post("/api/commission/commissions/" + commissionId + "/answers/" + judgedAgain.itemId + "/judgement", ROOM,
                "{\"accepted\":true,\"reason\":\"修改后符合约稿要求\"}").expect(200, "重新审核约稿答复");
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            PastItem sent = items.get(i);
            // the item counts with the received revision, in its month
            PastItem received = PastItem.live(sent.unitId, sent.title, "DYNAMIC", revisedAt.get(i));
            received.itemId = sent.itemId;
            received.returnedWith = "请补充约稿要求的典型案例";
            year.items.add(received);
            answers.add(new Answer(sent.unitId, received, firstAnswers.get(i).answeredAt(), true, null,
                    revisedAt.get(i), sent == judgedAgain ? Boolean.TRUE : null));
        }
        year.commissions.add(new Commission(commissionId, imported.title(), units, issued, deadline, answers));
    }
}
