package cn.gov.eqq.govinfo.reporting.facts.domain;

/** A reporting unit as the unit directory last told it. */
public record UnitFact(String id, String name, int group, boolean active) {
}
