package cn.gov.eqq.govinfo.scoring.rules.domain;

/**
 * Submission points of one category, e.g. PROBLEM (问题类) = 5.
 *
 * @param label the Chinese name used in explanations
 */
public record CategoryRule(String label, int points) {
}
