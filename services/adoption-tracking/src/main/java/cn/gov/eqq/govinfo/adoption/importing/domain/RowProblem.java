package cn.gov.eqq.govinfo.adoption.importing.domain;

/** Why one line of the spreadsheet cannot be imported, in Chinese. */
public record RowProblem(int line, String code, String message) {
}
