package cn.gov.eqq.govinfo.reporting.integration;

import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionWithdrawn;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerJudged;
import cn.gov.eqq.govinfo.contracts.commission.CommissionIssued;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A known third quarter of a given year told as the other services tell it: units, received items, a forward, adoption
 * records (one withdrawn, one on a voided item), a commission, the item scores scoring published, and scoring's
 * group-2 ranking that agrees with them.
 * Ids carry the year so that tests of different years do not meet.
 */
record KnownQuarter(int year) {

    String period() {
        return year + "-Q3";
    }

    String id(String local) {
        return local + "-" + year;
    }

    Instant at(String monthDayTime) {
        return Instant.parse(year + "-" + monthDayTime + "Z");
    }

    LocalDate date(String monthDay) {
        return LocalDate.parse(year + "-" + monthDay);
    }

    List<IntegrationEvent> facts() {
        List<IntegrationEvent> e = new ArrayList<>();
        e.add(new UnitChanged("U006", "发改委", 2, true, at("01-01T00:00:00")));
        e.add(new UnitChanged("U007", "教体局", 2, true, at("01-01T00:00:00")));
        e.add(new UnitChanged("U008", "工信和科技局", 2, true, at("01-01T00:00:00")));
        e.add(received("I1", "U006", "发改委推进重点项目建设", "DYNAMIC", "GOOD_NEWS", "07-01", "07-02T02:00:00"));
        e.add(new ItemForwardedToCity(id("I1"), "U006", at("07-03T02:00:00"), "room"));
        e.add(received("I2", "U007", "教体局推进校园安全整治", "PROBLEM", "PROBLEM", "08-20", "08-25T02:00:00"));
        e.add(received("I3", "U007", "已作废的信息", "BRIEF", "GOOD_NEWS", "07-03", "07-04T02:00:00"));
        e.add(new ItemVoided(id("I3"), "U007", "重复报送", at("07-05T02:00:00"), "room"));
        e.add(adoption("A1", "I1", "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯", "第15期", "07-10"));
        e.add(adoption("A2", "I1", "REGION_DAILY_BRIEF_ADOPTED", "每日要情", "第88期", "08-05"));
        e.add(adoption("A3", "I2", "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯", "第20期", "09-01"));
        e.add(adoption("A4", "I2", "STATE_COUNCIL_ADOPTED", "国务院办公厅信息", "第1期", "09-02"));
        e.add(new AdoptionWithdrawn(id("A4"), id("I2"), "录入错误", "room", at("09-03T00:00:00")));
        e.add(adoption("A5", "I3", "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯", "第16期", "07-20"));
        Instant deadline = at("08-15T10:00:00");
        e.add(new CommissionIssued(id("C1"), "关于乡村振兴典型经验的约稿", "字数不少于1500字",
                List.of("U006", "U007", "U008"), deadline, "room", at("08-01T00:00:00")));
        e.add(received("I6", "U006", "乡村振兴典型经验", "RESEARCH_REPORT", "GOOD_NEWS", "08-01", "08-14T02:00:00"));
        e.add(new CommissionAnswerJudged(id("C1"), "U006", id("I6"), at("08-14T02:00:00"), deadline, true, null,
                "room", at("08-16T00:00:00")));
        e.addAll(scores());
        return e;
    }

    /** What scoring published for the quarter's items; I6 (the commissioned item) last. */
    List<ItemScored> scores() {
        return List.of(
                score("I1", "U006", "发改委推进重点项目建设", "SCORED",
                        line("I1", "07-02", "SUBMISSION", "category:DYNAMIC", 1, "（动态类）已被信息室接收，报送积分 +1"),
                        line("I1", "07-03", "FORWARD", "forward", 2, "转报市政府，在报送积分上累加 +2"),
                        line("I1", "07-10", "ADOPTION", "adoption:CITY_BULLETIN_ADOPTED", 20, "被《鄂尔多斯政讯》采用，按最高积分计 +20"),
                        line("I1", "08-05", "ADOPTION", "adoption:REGION_DAILY_BRIEF_ADOPTED", 10, "被《每日要情》采用，按最高积分补计差额 +10")),
                score("I2", "U007", "教体局推进校园安全整治", "SCORED",
                        line("I2", "08-25", "SUBMISSION", "category:PROBLEM", 5, "（问题类）已被信息室接收，报送积分 +5"),
                        line("I2", "09-01", "ADOPTION", "adoption:CITY_BULLETIN_ADOPTED", 20, "被《鄂尔多斯政讯》采用，按最高积分计 +20")),
                score("I3", "U007", "已作废的信息", "VOIDED",
                        line("I3", "07-04", "VOID", "void", 0, "已作废，不计任何积分")),
                score("I6", "U006", "乡村振兴典型经验", "SCORED",
                        line("I6", "08-14", "SUBMISSION", "category:RESEARCH_REPORT", 5, "（调研报告）已被信息室接收，报送积分 +5"),
                        line("I6", "08-14", "COMMISSION", "commission", 10, "按时报送约稿信息并被采纳，加 10 分")));
    }

    private ItemScored score(String item, String unit, String title, String status, ItemScored.Line... lines) {
        return new ItemScored(id(item), unit, title, null, null, false, false, status,
                java.util.Arrays.stream(lines).mapToInt(ItemScored.Line::points).sum(), List.of(lines), List.of(), 1,
                at("10-01T00:00:00"));
    }

    private ItemScored.Line line(String item, String monthDay, String source, String rule, int points,
                                 String explanation) {
        return new ItemScored.Line(id(item) + ":" + source, year + "-" + monthDay.substring(0, 2), date(monthDay),
                source, rule, points, explanation, "2022-07-06");
    }

    /** Scoring's view of group 2 that agrees with the facts (adoption 30 for 发改委, 20 for 教体局). */
    RankingSnapshotPublished group2(long version, int educationPoints) {
        return new RankingSnapshotPublished(period(), "QUARTER", 2, version, at("10-01T00:00:00"), "2022-07-06",
                List.of(new RankingRow(1, "U006", "发改委", 48, 6, 2, 30, 10, 0, 2, 24, 22),
                        new RankingRow(2, "U007", "教体局", educationPoints, educationPoints - 20, 0, 20, 0, 0, 1, 24, 23),
                        new RankingRow(3, "U008", "工信和科技局", 0, 0, 0, 0, 0, 0, 0, 24, 24)));
    }

    private ItemReceived received(String item, String unit, String title, String category, String polarity,
                                  String eventDay, String submitted) {
        Instant s = at(submitted);
        return new ItemReceived(id(item), unit, 1, title, category, List.of("乡村振兴"), false, polarity, date(eventDay),
                s, s.plusSeconds(3600), "room", null);
    }

    private AdoptionRecorded adoption(String record, String item, String kind, String publication, String issue,
                                      String day) {
        return new AdoptionRecorded(id(record), id(item), null, kind, publication, issue, date(day), null, null, null,
                "room", at("09-30T00:00:00"));
    }
}
