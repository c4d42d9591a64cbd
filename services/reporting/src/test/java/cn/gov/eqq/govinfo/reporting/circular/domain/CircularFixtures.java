package cn.gov.eqq.govinfo.reporting.circular.domain;

import cn.gov.eqq.govinfo.reporting.facts.domain.AdoptionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.Facts;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemScore;
import cn.gov.eqq.govinfo.reporting.facts.domain.UnitFact;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A known third quarter of 2026: two groups, five units, adoptions across quarters, one commission, and the item
 * scores scoring published for them.
 */
public final class CircularFixtures {

    public static final ReportingPeriod Q3 = ReportingPeriod.quarter(2026, 3);
    public static final Instant NOW = Instant.parse("2026-10-05T02:00:00Z");
    /** The county's settings as shipped. */
    public static final Letterhead LETTERHEAD = new Letterhead(
            "《鄂托克前旗人民政府办公室关于印发政府系统政务信息工作制度的补充通知》（鄂前政办发〔2022〕65号）", "鄂前政办信",
            "各镇人民政府，上海庙经济开发区管委会，旗直各部门、各单位：");

    public static RankingSnapshot group2() {
        return new RankingSnapshot("evt-g2", "2026-Q3", "QUARTER", 2, 7, NOW.minusSeconds(3600), "2022-07-06",
                List.of(new RankingLine(1, "U006", "发改委", 73, 21, 2, 40, 10, 0, 24, 24, 0),
                        new RankingLine(2, "U007", "教体局", 37, 20, 0, 20, 0, -3, 20, 24, 4),
                        new RankingLine(3, "U008", "工信和科技局", -10, 0, 0, 0, 0, -10, 0, 24, 24)),
                NOW.minusSeconds(3000));
    }

    public static RankingSnapshot group3() {
        return new RankingSnapshot("evt-g3", "2026-Q3", "QUARTER", 3, 4, NOW.minusSeconds(3600), "2022-07-06",
                List.of(new RankingLine(1, "U037", "营商环境促进中心", 12, 12, 0, 0, 0, 0, 12, 12, 0),
                        new RankingLine(2, "U039", "供销社", -5, 0, 0, 0, 0, -5, 0, 12, 12)),
                NOW.minusSeconds(3000));
    }

    public static Facts facts() {
        List<UnitFact> units = List.of(new UnitFact("U006", "发改委", 2, true), new UnitFact("U007", "教体局", 2, true),
                new UnitFact("U008", "工信和科技局", 2, true), new UnitFact("U037", "营商环境促进中心", 3, true),
                new UnitFact("U039", "供销社", 3, true));
        List<ItemFact> items = List.of(
                item("I1", "U006", "发改委推进重点项目建设", "DYNAMIC", "GOOD_NEWS", "2026-07-01", "2026-07-02T02:00:00Z", false),
                item("I2", "U007", "教体局推进校园安全整治", "PROBLEM", "PROBLEM", "2026-08-20", "2026-08-25T02:00:00Z", false),
                item("I3", "U007", "已作废的信息", "BRIEF", "GOOD_NEWS", "2026-07-03", "2026-07-04T02:00:00Z", false).asVoided(),
                item("I4", "U006", "突发事件处置情况", "BRIEF", "PROBLEM", "2026-08-10", "2026-08-10T08:00:00Z", true),
                item("I5", "U006", "发改委优化营商环境", "COMPREHENSIVE", "GOOD_NEWS", "2026-06-01", "2026-06-05T02:00:00Z", false),
                item("I6", "U006", "乡村振兴典型经验", "RESEARCH_REPORT", "GOOD_NEWS", "2026-08-01", "2026-08-14T02:00:00Z", false));
        List<AdoptionFact> adoptions = List.of(
                adoption("A1", "I1", "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯", "2026年第15期", "2026-07-10"),
                adoption("A2", "I1", "REGION_DAILY_BRIEF_ADOPTED", "每日要情", "第88期", "2026-08-05"),
                adoption("A3", "I2", "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯", "2026年第20期", "2026-09-01"),
                adoption("A4", "I2", "STATE_COUNCIL_ADOPTED", "国务院办公厅信息", "第1期", "2026-09-02").withdraw(),
                adoption("A5", "I3", "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯", "2026年第16期", "2026-07-20"),
                new AdoptionFact("A8", "I4", "CITY_LEADER_INSTRUCTION", null, null, LocalDate.parse("2026-08-20"),
                        "副市长", false),
                adoption("A6", "I5", "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯", "2026年第12期", "2026-06-20"),
                adoption("A7", "I5", "REGION_DAILY_BRIEF_ADOPTED", "每日要情", "第70期", "2026-07-15"));
        Instant deadline = Instant.parse("2026-08-15T10:00:00Z");
        List<CommissionFact> commissions = List.of(
                new CommissionFact("C1", "关于乡村振兴典型经验的约稿", List.of("U006", "U007", "U008"), deadline,
                        List.of(new CommissionFact.Answer("U006", "I6", Instant.parse("2026-08-14T02:00:00Z"), true),
                                new CommissionFact.Answer("U007", "I9", Instant.parse("2026-08-16T02:00:00Z"), true))),
                new CommissionFact("C2", "十月约稿", List.of("U006"), Instant.parse("2026-10-20T10:00:00Z"), List.of()));
        return new Facts(units, items, adoptions, commissions, scores());
    }

    /** What scoring published for the fixture's items (policy 2022-07-06). */
    public static List<ItemScore> scores() {
        return List.of(
                score("I1", "U006", "发改委推进重点项目建设", "SCORED", List.of(
                        line("2026-07-02", "SUBMISSION", "category:DYNAMIC", 1, "《发改委推进重点项目建设》（动态类）已被信息室接收，报送积分 +1"),
                        line("2026-07-10", "ADOPTION", "adoption:CITY_BULLETIN_ADOPTED", 20, "被《鄂尔多斯政讯》采用，按最高积分计 +20"),
                        line("2026-08-05", "ADOPTION", "adoption:REGION_DAILY_BRIEF_ADOPTED", 10, "被《每日要情》采用，按最高积分补计差额 +10")),
                        List.of(reading("A1", "CITY_BULLETIN_ADOPTED", "市政府办公室《鄂尔多斯政讯》采用", "2026-07-10", 20, false, 20, "当时最高，计 20 分"),
                                reading("A2", "REGION_DAILY_BRIEF_ADOPTED", "自治区政府办公厅《每日要情》采用", "2026-08-05", 30, true, 10, "按最高积分计算，本信息计 30 分"))),
                score("I2", "U007", "教体局推进校园安全整治", "SCORED", List.of(
                        line("2026-08-25", "SUBMISSION", "category:PROBLEM", 5, "《教体局推进校园安全整治》（问题类）已被信息室接收，报送积分 +5"),
                        line("2026-09-01", "ADOPTION", "adoption:CITY_BULLETIN_ADOPTED", 20, "被《鄂尔多斯政讯》采用，按最高积分计 +20")),
                        List.of(reading("A3", "CITY_BULLETIN_ADOPTED", "市政府办公室《鄂尔多斯政讯》采用", "2026-09-01", 20, true, 20, "按最高积分计算，本信息计 20 分"),
                                reading("A4", "STATE_COUNCIL_ADOPTED", "被国办采用", "2026-09-02", 0, false, 0, "该记录已撤销，不计分"))),
                score("I3", "U007", "已作废的信息", "VOIDED", List.of(
                        line("2026-07-04", "VOID", "void", 0, "《已作废的信息》已作废，不计任何积分")), List.of()),
                score("I4", "U006", "突发事件处置情况", "SCORED", List.of(
                        line("2026-08-10", "SUBMISSION", "category:BRIEF", 1, "《突发事件处置情况》（简讯类）已被信息室接收，报送积分 +1")),
                        List.of(reading("A8", "CITY_LEADER_INSTRUCTION", "市政府领导批示", "2026-08-20", 0, false, 0, "重大紧急类信息的领导批示留档，不计分"))),
                score("I5", "U006", "发改委优化营商环境", "SCORED", List.of(
                        line("2026-06-05", "SUBMISSION", "category:COMPREHENSIVE", 1, "《发改委优化营商环境》（综合类）已被信息室接收，报送积分 +1"),
                        line("2026-06-20", "ADOPTION", "adoption:CITY_BULLETIN_ADOPTED", 20, "被《鄂尔多斯政讯》采用，按最高积分计 +20"),
                        line("2026-07-15", "ADOPTION", "adoption:REGION_DAILY_BRIEF_ADOPTED", 10, "被《每日要情》采用，按最高积分补计差额 +10")),
                        List.of()),
                score("I6", "U006", "乡村振兴典型经验", "SCORED", List.of(
                        line("2026-08-14", "SUBMISSION", "category:RESEARCH_REPORT", 5, "《乡村振兴典型经验》（调研报告）已被信息室接收，报送积分 +5"),
                        line("2026-08-14", "COMMISSION", "commission", 10, "按时报送约稿信息并被采纳，加 10 分")),
                        List.of()));
    }

    public static CircularFigures figures() {
        return new CircularComposer().compose(Q3, List.of(group3(), group2()), facts(), NOW);
    }

    public static ItemScore score(String id, String unit, String title, String status, List<ItemScore.Line> lines,
                                  List<ItemScore.Reading> readings) {
        return new ItemScore(id, unit, title, status, lines.stream().mapToInt(ItemScore.Line::points).sum(), lines,
                readings, 1);
    }

    public static ItemScore.Line line(String date, String source, String rule, int points, String explanation) {
        return new ItemScore.Line(date.substring(0, 7), LocalDate.parse(date), source, rule, points, explanation,
                "2022-07-06");
    }

    static ItemScore.Reading reading(String recordId, String kind, String label, String date, int countable,
                                     boolean counts, int added, String explanation) {
        return new ItemScore.Reading(recordId, kind, label, LocalDate.parse(date), countable, counts, added,
                explanation);
    }

    static ItemFact item(String id, String unit, String title, String category, String polarity, String eventDate,
                         String submittedAt, boolean majorEmergency) {
        Instant submitted = Instant.parse(submittedAt);
        return new ItemFact(id, unit, 1, title, category, List.of("乡村振兴"), majorEmergency, polarity,
                LocalDate.parse(eventDate), submitted, submitted.plusSeconds(3600), null, null, false);
    }

    static AdoptionFact adoption(String id, String item, String kind, String publication, String issue, String date) {
        return new AdoptionFact(id, item, kind, publication, issue, LocalDate.parse(date), null, false);
    }

    private CircularFixtures() {
    }
}
