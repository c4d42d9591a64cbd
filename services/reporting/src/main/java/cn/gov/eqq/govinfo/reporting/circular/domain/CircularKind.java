package cn.gov.eqq.govinfo.reporting.circular.domain;

import cn.gov.eqq.govinfo.contracts.calendar.PeriodType;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

/** The two documents the notice asks for: circulated every quarter, evaluated every year. */
public enum CircularKind {
    QUARTERLY("季度通报", PeriodType.QUARTER),
    ANNUAL("年度考评", PeriodType.YEAR);

    private final String chinese;
    private final PeriodType periodType;

    CircularKind(String chinese, PeriodType periodType) {
        this.chinese = chinese;
        this.periodType = periodType;
    }

    public String chinese() {
        return chinese;
    }

    public PeriodType periodType() {
        return periodType;
    }

    public String titleFor(ReportingPeriod period) {
        return switch (this) {
            case QUARTERLY -> "关于" + period.chineseName() + "全旗政务信息工作情况的通报";
            case ANNUAL -> "关于" + period.chineseName() + "全旗政务信息工作考评结果的通报";
        };
    }
}
