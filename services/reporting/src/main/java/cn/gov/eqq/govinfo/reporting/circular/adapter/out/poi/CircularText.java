package cn.gov.eqq.govinfo.reporting.circular.adapter.out.poi;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.UnitRef;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The words and column layout that the Word and Excel versions of a circular share. */
final class CircularText {

    static final String OFFICE = "鄂托克前旗人民政府办公室";

    /** The ranking table's columns, in order; Word and Excel print the same. */
    static final List<String> RANKING_HEADERS = List.of("名次", "单位", "总积分", "报送积分", "转报积分", "采用积分",
            "约稿积分", "扣分", "收录条数", "基础条数", "完成情况");

    static final List<String> ANNEX_HEADERS = List.of("序号", "信息标题", "报送单位", "采用刊物及批示", "日期", "积分");

    static final List<String> COMMISSION_HEADERS = List.of("约稿任务", "截止时间", "按时完成单位", "未完成单位");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    static String documentNumber(Circular c) {
        return c.documentNumber() != null ? c.documentNumber() : "（" + c.status().chinese() + "，发布时编号）";
    }

    static String title(Circular c) {
        return c.version() > 1 ? c.title() + "（更正版）" : c.title();
    }

    /** The circular's own addressees, as it was drafted or published (never the settings of now). */
    static String addressees(Circular c) {
        return c.letterhead().addressees();
    }

    static String intro(Circular c) {
        ReportingPeriod p = ReportingPeriod.parse(c.period());
        return "　　根据" + c.letterhead().notice() + "要求，现将" + p.chineseName() + "全旗政务信息报送" + (c.kind().name().equals("ANNUAL")
                ? "考评结果" : "情况") + "通报如下。积分及排名以旗政府办信息室核定的数据为准，各组排名均在组内进行。";
    }

    static String completion(RankingLine r) {
        return r.shortfall() > 0 ? "差" + r.shortfall() + "条" : "完成";
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(BeijingTime.ZONE));
    }

    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(BeijingTime.ZONE));
    }

    /** Unit names; a unit that answered with the number of its items that earned the +10, e.g. 发改委（2条）. */
    /** An annex item scoring has not scored yet shows this instead of points. */
    static final String ANNEX_NOT_SCORED = "待积分公布";

    static String annexPoints(CircularFigures.AnnexLine a) {
        return a.points() == null ? ANNEX_NOT_SCORED : Integer.toString(a.points());
    }

    static String names(List<UnitRef> refs) {
        return refs.isEmpty() ? "无" : refs.stream()
                .map(r -> r.bonusItems() == null ? r.unitName() : r.unitName() + "（" + r.bonusItems() + "条）")
                .collect(Collectors.joining("、"));
    }

    static <T> String join(List<T> list, Function<T, String> f) {
        return list.isEmpty() ? "无" : list.stream().map(f).collect(Collectors.joining("、"));
    }

    private CircularText() {
    }
}
