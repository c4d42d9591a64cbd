package cn.gov.eqq.govinfo.contracts.calendar;

/** The calendar periods that points are counted and ranked over (月、季度、年度). */
public enum PeriodType {
    MONTH, QUARTER, YEAR
}
