package cn.gov.eqq.govinfo.scoring.rules.domain;

/**
 * Points of one kind of adoption, higher-level forward or leader instruction.
 *
 * @param label       full Chinese name, e.g. 自治区政府办公厅《每日要情》采用
 * @param shortLabel  the words after 被 in an explanation, e.g. 《每日要情》采用
 * @param instruction a leader's instruction (批示): earns nothing on a major-emergency item
 */
public record AdoptionKindRule(String label, String shortLabel, int points, boolean instruction) {
}
