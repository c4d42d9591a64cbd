package cn.gov.eqq.govinfo.intake.item.domain;

/** One broken rule on one field, with a message a person reads (Chinese). */
public record Violation(String field, String message) {
}
