package cn.gov.eqq.govinfo.scoring.rules.domain;

/**
 * What is known of one adoption/instruction record: its latest state (null until recorded) and whether it was
 * withdrawn (a withdrawal is final).
 */
public record AdoptionRecord(String recordId, ItemFact.AdoptionState state, ItemFact.AdoptionWithdrawal withdrawal) {

    public boolean counts() {
        return state != null && withdrawal == null;
    }
}
