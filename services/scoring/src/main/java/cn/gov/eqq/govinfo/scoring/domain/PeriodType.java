package cn.gov.eqq.govinfo.scoring.domain;

/** The calendar periods that points are summed over (月、季度、年度). */
public enum PeriodType {
    MONTH, QUARTER, YEAR
}
