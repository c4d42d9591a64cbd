package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.adoption;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PolicyTest {

    private static final ScoringPolicy NOTICE = PolicyJson.shipped();

    @Test
    void shippedVersionHoldsTheRulesOfTheNoticeOfSixJuly2022() {
        assertThat(NOTICE.version()).isEqualTo("2022-07-06");
        assertThat(NOTICE.effectiveFrom()).isEqualTo(LocalDate.of(2022, 7, 6));
        assertThat(NOTICE.categories()).extractingFromEntries(Map.Entry::getKey, e -> e.getValue().points())
                .containsExactlyInAnyOrder(tuple("BRIEF", 1), tuple("DYNAMIC", 1), tuple("COMPREHENSIVE", 1),
                        tuple("PROBLEM", 5), tuple("RESEARCH_REPORT", 5));
        assertThat(NOTICE.forwardPoints()).isEqualTo(2);
        assertThat(NOTICE.commissionPoints()).isEqualTo(10);
        assertThat(NOTICE.adoptionKinds()).extractingFromEntries(Map.Entry::getKey, e -> e.getValue().points(),
                        e -> e.getValue().instruction())
                .containsExactlyInAnyOrder(
                        tuple("STATE_COUNCIL_ADOPTED", 100, false),
                        tuple("REGION_FORWARDED_TO_STATE_COUNCIL", 100, false),
                        tuple("CENTRAL_LEADER_INSTRUCTION", 100, true),
                        tuple("REGION_DAILY_BRIEF_ADOPTED", 30, false),
                        tuple("REGION_LEADER_INSTRUCTION", 30, true),
                        tuple("CITY_BULLETIN_ADOPTED", 20, false),
                        tuple("CITY_FORWARDED_TO_REGION", 20, false),
                        tuple("CITY_LEADER_INSTRUCTION", 20, true));
        assertThat(NOTICE.monthlyQuota()).containsExactly(Map.entry(1, 8), Map.entry(2, 8), Map.entry(3, 4));
        assertThat(NOTICE.shortfall()).containsOnlyKeys(1, 2, 3);
        assertThat(NOTICE.shortfallOf(3).example()).isTrue();
        assertThat(NOTICE.shortfallOf(3).note()).contains("示例");
        assertThat(PolicyValidation.problemsOf(NOTICE)).isEmpty();
    }

    @Test
    void policyRoundTripsThroughJson() {
        assertThat(PolicyJson.read(PolicyJson.write(NOTICE))).isEqualTo(NOTICE);
    }

    @Test
    void invalidPolicyIsRefusedWithChineseReasons() {
        Map<String, CategoryRule> categories = new HashMap<>(NOTICE.categories());
        categories.put("PROBLEM", new CategoryRule("问题类", -5));
        ScoringPolicy bad = new ScoringPolicy(" ", null, "x", categories, -2, NOTICE.adoptionKinds(), 10,
                Map.of(1, 8), Map.of(1, new ShortfallRule(List.of(new ShortfallTier(1, 3, -1),
                new ShortfallTier(3, null, 1)), -3, true, null), 2, new ShortfallRule(List.of(), -3, false, null)));

        assertThat(PolicyValidation.problemsOf(bad)).containsExactly(
                "版本号不能为空",
                "生效日期不能为空",
                "信息类别“问题类”的积分不能为负数",
                "转报市政府加分不能为负数",
                "第1组第2档扣分梯次的扣分应为零或负数",
                "第1组第2档扣分梯次与前一档重叠或顺序颠倒",
                "扣分梯次所属的第2组没有设定每月基础条数");
    }

    @Test
    void versionMayTakeEffectBackInThePastWhereNoPublishedCircularIsReached() {
        PolicyHistory history = PolicyHistory.of(List.of(NOTICE));
        ScoringPolicy county = withVersion("county-2026", LocalDate.of(2026, 1, 1));

        PolicyHistory added = history.adding(county, List.of());

        assertThat(added.versions()).extracting(ScoringPolicy::version).containsExactly("2022-07-06", "county-2026");
        assertThat(added.inForceOn(LocalDate.of(2026, 1, 1))).contains(county);
    }

    @Test
    void versionReachingIntoAPublishedCircularIsRefusedNamingTheCircular() {
        PolicyHistory history = PolicyHistory.of(List.of(NOTICE));
        PublishedCircular q1 = new PublishedCircular("QUARTERLY-2026-Q1", ReportingPeriod.quarter(2026, 1),
                "关于2026年第一季度全旗政务信息工作情况的通报", "鄂前政办信〔2026〕3号");

        assertThatThrownBy(() -> history.adding(withVersion("county-2026", LocalDate.of(2026, 3, 1)), List.of(q1)))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems()).containsExactly(
                        "自 2026-03-01 起生效将改变已发布的通报《关于2026年第一季度全旗政务信息工作情况的通报》"
                                + "（鄂前政办信〔2026〕3号，涵盖2026年第1季度）中的积分和排名，不能采用；已发布通报涵盖的期间不能更改积分标准"));
        // earlier than the circular, but in force through it (no later version stops it): refused too
        assertThatThrownBy(() -> history.adding(withVersion("county-2025", LocalDate.of(2025, 12, 1)), List.of(q1)))
                .isInstanceOf(InvalidPolicyException.class);
        // from the day after the circular's period: accepted
        assertThat(history.adding(withVersion("county-q2", LocalDate.of(2026, 4, 1)), List.of(q1)).latest().version())
                .isEqualTo("county-q2");
    }

    @Test
    void backDatedVersionStoppedByALaterVersionBeforeThePublishedCircularIsAccepted() {
        PolicyHistory history = PolicyHistory.of(List.of(NOTICE, withVersion("2026-03", LocalDate.of(2026, 3, 1))));
        PublishedCircular q2 = new PublishedCircular("QUARTERLY-2026-Q2", ReportingPeriod.quarter(2026, 2), "二季度通报", "2号");

        PolicyHistory added = history.adding(withVersion("2026-01", LocalDate.of(2026, 1, 1)), List.of(q2));

        assertThat(added.versions()).extracting(ScoringPolicy::version)
                .containsExactly("2022-07-06", "2026-01", "2026-03");
        assertThat(added.inForceOn(LocalDate.of(2026, 2, 28)).map(ScoringPolicy::version)).contains("2026-01");
    }

    @Test
    void versionWithATakenNameOrDateIsRefused() {
        PolicyHistory history = PolicyHistory.of(List.of(NOTICE));

        assertThatThrownBy(() -> history.adding(withVersion("2022-07-06", LocalDate.of(2026, 8, 1)), List.of()))
                .isInstanceOfSatisfying(InvalidPolicyException.class,
                        e -> assertThat(e.problems()).containsExactly("版本号 2022-07-06 已存在"));
        assertThatThrownBy(() -> history.adding(withVersion("same-day", LocalDate.of(2022, 7, 6)), List.of()))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .containsExactly("版本 2022-07-06 已自 2022-07-06 起生效，同一天只能有一个版本"));
    }

    @Test
    void nothingIsInForceBeforeTheFirstVersion() {
        PolicyHistory history = PolicyHistory.of(List.of(NOTICE));

        assertThat(history.inForceOn(LocalDate.of(2022, 7, 5))).isEmpty();
        assertThat(history.inForceOn(LocalDate.of(2022, 7, 6))).contains(NOTICE);
        assertThat(history.inForceDuring(ReportingPeriod.year(2021))).isEmpty();
    }

    @Test
    void policyStoredWithOneSetOfTiersForAllGroupsReadsAsTheSameTiersForEveryGroup() {
        String legacy = "{\"version\":\"old\",\"effectiveFrom\":\"2026-09-01\",\"source\":\"旧格式\","
                + "\"categories\":{\"DYNAMIC\":{\"label\":\"动态类\",\"points\":1}},\"forwardPoints\":2,"
                + "\"adoptionKinds\":{\"CITY_BULLETIN_ADOPTED\":{\"label\":\"采用\",\"shortLabel\":\"采用\","
                + "\"points\":20,\"instruction\":false}},\"commissionPoints\":10,"
                + "\"monthlyQuota\":{\"1\":8,\"3\":4},\"shortfall\":{\"example\":false,\"note\":\"旧\","
                + "\"tiers\":[{\"fromShortfall\":1,\"toShortfall\":null,\"deduction\":-2}],\"nothingReceived\":-4}}";

        ScoringPolicy read = PolicyJson.read(legacy);

        ShortfallRule expected = new ShortfallRule(List.of(new ShortfallTier(1, null, -2)), -4, false, "旧");
        assertThat(read.shortfall()).containsExactly(Map.entry(1, expected), Map.entry(3, expected));
        assertThat(PolicyJson.read(PolicyJson.upgrade(legacy))).isEqualTo(read);
    }

    @Test
    void deductionTiersArePerGroupSoNothingReceivedDiffersByGroup() {
        Map<Integer, ShortfallRule> tiers = Map.of(
                1, new ShortfallRule(List.of(new ShortfallTier(1, 4, -1), new ShortfallTier(5, null, -2)), -5, false, "一组"),
                2, new ShortfallRule(List.of(new ShortfallTier(1, null, -1)), -4, false, "二组"),
                3, new ShortfallRule(List.of(new ShortfallTier(1, 2, -1), new ShortfallTier(3, null, -2)), -2, false,
                        "三组"));
        ScoringPolicy county = new ScoringPolicy("county", LocalDate.of(2026, 1, 1), "本旗", NOTICE.categories(),
                NOTICE.forwardPoints(), NOTICE.adoptionKinds(), NOTICE.commissionPoints(), NOTICE.monthlyQuota(), tiers);
        PolicyHistory history = PolicyHistory.of(List.of(NOTICE, county));
        LocalDate today = LocalDate.of(2026, 3, 10);

        int[] deductions = new int[4];
        for (int group = 1; group <= 3; group++) {
            deductions[group] = PeriodScoring.unitScore("U" + group, new Unit("U" + group, "单位", group, true, null),
                    ReportingPeriod.month(2026, 1), List.of(), history, today).deductionPoints();
        }

        assertThat(deductions).containsExactly(0, -5, -4, -2);
        assertThat(PolicyValidation.problemsOf(county)).isEmpty();
    }

    @Test
    void versionInForceIsTheLatestOneThatHadTakenEffectOnTheBeijingDate() {
        PolicyHistory history = PolicyHistory.of(List.of(NOTICE, withVersion("2026-08-15", LocalDate.of(2026, 8, 15))));

        assertThat(history.inForceOn(LocalDate.of(2026, 8, 14)).orElseThrow().version()).isEqualTo("2022-07-06");
        assertThat(history.inForceOn(LocalDate.of(2026, 8, 15)).orElseThrow().version()).isEqualTo("2026-08-15");
        assertThat(history.inForceAt(Facts.bj("2026-08-15T00:10")).orElseThrow().version()).isEqualTo("2026-08-15");
        assertThat(history.inForceOn(LocalDate.of(2020, 1, 1))).isEmpty();
        assertThat(history.inForceDuring(ReportingPeriod.quarter(2026, 3))).extracting(ScoringPolicy::version)
                .containsExactly("2022-07-06", "2026-08-15");
        assertThat(history.inForceDuring(ReportingPeriod.quarter(2026, 4))).extracting(ScoringPolicy::version)
                .containsExactly("2026-08-15");
    }

    @Test
    void eachFactIsScoredByTheVersionInForceAtItsOwnTimeWhenTheRulesChangeMidQuarter() {
        Map<String, CategoryRule> categories = new HashMap<>(NOTICE.categories());
        categories.put("PROBLEM", new CategoryRule("问题类", 6));
        Map<String, AdoptionKindRule> kinds = new HashMap<>(NOTICE.adoptionKinds());
        kinds.put("CITY_BULLETIN_ADOPTED", new AdoptionKindRule("市政府办公室《鄂尔多斯政讯》采用", "《鄂尔多斯政讯》采用", 25, false));
        ScoringPolicy august = new ScoringPolicy("2026-08-15", LocalDate.of(2026, 8, 15), "测试版本", categories,
                NOTICE.forwardPoints(), kinds, NOTICE.commissionPoints(), NOTICE.monthlyQuota(), NOTICE.shortfall());
        PolicyHistory history = PolicyHistory.of(List.of(NOTICE, august));

        List<LedgerEntry> entries = new ArrayList<>();
        entries.addAll(ItemScoring.score(Facts.fold("a", List.of(received("a", "U013", "PROBLEM", "2026-08-14T23:59"),
                adoption("a", "U013", "r1", "CITY_BULLETIN_ADOPTED", "2026-08-14"),
                adoption("a", "U013", "r2", "CITY_LEADER_INSTRUCTION", "2026-08-20"))), history));
        entries.addAll(ItemScoring.score(Facts.fold("b", List.of(received("b", "U013", "PROBLEM", "2026-08-15T00:01"),
                adoption("b", "U013", "r3", "CITY_BULLETIN_ADOPTED", "2026-09-01"))), history));

        assertThat(entries).extracting(LedgerEntry::itemId, LedgerEntry::rule, LedgerEntry::points,
                        LedgerEntry::policyVersion)
                .containsExactly(
                        tuple("a", "category:PROBLEM", 5, "2022-07-06"),
                        tuple("a", "adoption:CITY_BULLETIN_ADOPTED", 20, "2022-07-06"),
                        tuple("a", "adoption:CITY_LEADER_INSTRUCTION", 0, "2026-08-15"),
                        tuple("b", "category:PROBLEM", 6, "2026-08-15"),
                        tuple("b", "adoption:CITY_BULLETIN_ADOPTED", 25, "2026-08-15"));
        UnitPeriodScore q3 = PeriodScoring.unitScore("U013", new Unit("U013", "财政局", 2, true, null),
                ReportingPeriod.quarter(2026, 3), entries, history, LocalDate.of(2026, 9, 10));
        assertThat(q3.submissionPoints()).isEqualTo(11);
        assertThat(q3.adoptionPoints()).isEqualTo(45);
    }

    @Test
    void draftForWhatIfIsPlacedAtItsDateAsAddingItWouldWithoutTouchingTheHistory() {
        PolicyHistory history = PolicyHistory.of(List.of(NOTICE, withVersion("2026-09", LocalDate.of(2026, 9, 1))));
        ScoringPolicy draft = withVersion("draft", LocalDate.of(2026, 7, 1));

        PolicyHistory whatIf = history.withDraft(draft);

        assertThat(whatIf.inForceOn(LocalDate.of(2026, 7, 1)).orElseThrow().version()).isEqualTo("draft");
        assertThat(whatIf.inForceOn(LocalDate.of(2026, 9, 1)).orElseThrow().version()).isEqualTo("2026-09");
        assertThat(whatIf.versions()).isEqualTo(history.adding(draft, List.of()).versions());
        assertThat(history.inForceOn(LocalDate.of(2026, 7, 1)).orElseThrow().version()).isEqualTo("2022-07-06");
    }

    @Test
    void periodsAreReadFromTheirWrittenForm() {
        assertThat(ReportingPeriod.parse("2026-07")).isEqualTo(ReportingPeriod.month(2026, 7));
        assertThat(ReportingPeriod.parse("2026-Q3")).isEqualTo(ReportingPeriod.quarter(2026, 3));
        assertThat(ReportingPeriod.parse("2026")).isEqualTo(ReportingPeriod.year(2026));
        assertThat(ReportingPeriod.parse("2026-Q3").months()).extracting(ReportingPeriod::toString)
                .containsExactly("2026-07", "2026-08", "2026-09");
        assertThatThrownBy(() -> ReportingPeriod.parse("2026-13")).hasMessageContaining("期间格式应为");
        assertThatThrownBy(() -> ReportingPeriod.parse("July")).hasMessageContaining("期间格式应为");
    }

    private static ScoringPolicy withVersion(String version, LocalDate from) {
        return new ScoringPolicy(version, from, NOTICE.source(), NOTICE.categories(), NOTICE.forwardPoints(),
                NOTICE.adoptionKinds(), NOTICE.commissionPoints(), NOTICE.monthlyQuota(), NOTICE.shortfall());
    }
}
