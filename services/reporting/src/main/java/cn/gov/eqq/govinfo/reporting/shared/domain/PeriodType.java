package cn.gov.eqq.govinfo.reporting.shared.domain;

/** The three kinds of period that scoring ranks and the office circulates. */
public enum PeriodType {
    MONTH, QUARTER, YEAR
}
