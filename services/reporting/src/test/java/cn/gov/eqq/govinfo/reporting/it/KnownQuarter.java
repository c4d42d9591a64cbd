package cn.gov.eqq.govinfo.reporting.it;

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
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A known third quarter of a given year told as the other services tell it: units, received items, a forward, adoption
 * records (one withdrawn, one on a voided item), a commission, and scoring's group-2 ranking that agrees with them.
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
        return e;
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
