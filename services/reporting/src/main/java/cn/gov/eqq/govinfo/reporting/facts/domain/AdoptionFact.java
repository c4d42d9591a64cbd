package cn.gov.eqq.govinfo.reporting.facts.domain;

import java.time.LocalDate;

/**
 * An adoption, upward forward or leader instruction recorded for an item, in its latest corrected state.
 * A withdrawn record is kept with {@code withdrawn = true} and counts nowhere.
 */
public record AdoptionFact(String id, String itemId, String kind, String publication, String issueNo,
                           LocalDate effectiveDate, String leader, boolean withdrawn) {

    public AdoptionFact withdraw() {
        return new AdoptionFact(id, itemId, kind, publication, issueNo, effectiveDate, leader, true);
    }
}
