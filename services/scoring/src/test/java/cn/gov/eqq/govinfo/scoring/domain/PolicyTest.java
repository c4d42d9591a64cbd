package cn.gov.eqq.govinfo.scoring.domain;

import cn.gov.eqq.govinfo.scoring.adapter.out.policy.PolicyJson;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.gov.eqq.govinfo.scoring.domain.Facts.adoption;
import static cn.gov.eqq.govinfo.scoring.domain.Facts.received;
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
        assertThat(NOTICE.shortfall().example()).isTrue();
        assertThat(NOTICE.shortfall().note()).contains("示例");
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
                Map.of(1, 8), new ShortfallRule(List.of(new ShortfallTier(1, 3, -1), new ShortfallTier(3, null, 1)),
                -3, true, null));

        assertThat(PolicyValidation.problemsOf(bad)).containsExactly(
                "版本号不能为空",
                "生效日期不能为空",
                "信息类别“问题类”的积分不能为负数",
                "转报市政府加分不能为负数",
                "第2档扣分梯次的扣分应为零或负数",
                "第2档扣分梯次与前一档重叠或顺序颠倒");
    }

    @Test
    void newVersionMustTakeEffectAfterTodayAndAfterTheLatestVersion() {
        PolicyHistory history = PolicyHistory.of(List.of(NOTICE));
        ScoringPolicy backdated = withVersion("2026-07-01", LocalDate.of(2026, 7, 1));

        assertThatThrownBy(() -> history.adding(backdated, LocalDate.of(2026, 7, 20)))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .containsExactly("新版本的生效日期必须晚于今天（2026-07-20），以免改变已经计算过的期间"));
        assertThatThrownBy(() -> history.adding(withVersion("2022-07-06", LocalDate.of(2026, 8, 1)),
                LocalDate.of(2026, 7, 20)))
                .isInstanceOfSatisfying(InvalidPolicyException.class,
                        e -> assertThat(e.problems()).containsExactly("版本号 2022-07-06 已存在"));

        PolicyHistory added = history.adding(withVersion("2026-08", LocalDate.of(2026, 8, 1)), LocalDate.of(2026, 7, 20));
        assertThat(added.versions()).extracting(ScoringPolicy::version).containsExactly("2022-07-06", "2026-08");
    }

    @Test
    void versionInForceIsTheLatestOneThatHadTakenEffectOnTheBeijingDate() {
        PolicyHistory history = PolicyHistory.of(List.of(NOTICE, withVersion("2026-08-15", LocalDate.of(2026, 8, 15))));

        assertThat(history.inForceOn(LocalDate.of(2026, 8, 14)).version()).isEqualTo("2022-07-06");
        assertThat(history.inForceOn(LocalDate.of(2026, 8, 15)).version()).isEqualTo("2026-08-15");
        assertThat(history.inForceAt(Facts.bj("2026-08-15T00:10")).version()).isEqualTo("2026-08-15");
        assertThat(history.inForceOn(LocalDate.of(2020, 1, 1)).version()).isEqualTo("2022-07-06");
        assertThat(history.inForceDuring(Period.quarter(2026, 3))).extracting(ScoringPolicy::version)
                .containsExactly("2022-07-06", "2026-08-15");
        assertThat(history.inForceDuring(Period.quarter(2026, 4))).extracting(ScoringPolicy::version)
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
                Period.quarter(2026, 3), entries, history, LocalDate.of(2026, 9, 10));
        assertThat(q3.submissionPoints()).isEqualTo(11);
        assertThat(q3.adoptionPoints()).isEqualTo(45);
    }

    @Test
    void draftForWhatIfReplacesTheRulesFromItsDateWithoutTouchingTheHistory() {
        PolicyHistory history = PolicyHistory.of(List.of(NOTICE));
        ScoringPolicy draft = withVersion("draft", LocalDate.of(2026, 7, 1));

        PolicyHistory whatIf = history.withDraft(draft);

        assertThat(whatIf.inForceOn(LocalDate.of(2026, 7, 1)).version()).isEqualTo("draft");
        assertThat(history.inForceOn(LocalDate.of(2026, 7, 1)).version()).isEqualTo("2022-07-06");
    }

    @Test
    void periodsAreReadFromTheirWrittenForm() {
        assertThat(Period.parse("2026-07")).isEqualTo(Period.month(2026, 7));
        assertThat(Period.parse("2026-Q3")).isEqualTo(Period.quarter(2026, 3));
        assertThat(Period.parse("2026")).isEqualTo(Period.year(2026));
        assertThat(Period.parse("2026-Q3").months()).extracting(Period::toString)
                .containsExactly("2026-07", "2026-08", "2026-09");
        assertThatThrownBy(() -> Period.parse("2026-13")).hasMessageContaining("期间格式应为");
        assertThatThrownBy(() -> Period.parse("July")).hasMessageContaining("期间格式应为");
    }

    private static ScoringPolicy withVersion(String version, LocalDate from) {
        return new ScoringPolicy(version, from, NOTICE.source(), NOTICE.categories(), NOTICE.forwardPoints(),
                NOTICE.adoptionKinds(), NOTICE.commissionPoints(), NOTICE.monthlyQuota(), NOTICE.shortfall());
    }
}
