package cn.gov.eqq.govinfo.reporting.facts.application;

import cn.gov.eqq.govinfo.reporting.facts.domain.AdoptionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.Facts;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemScore;
import cn.gov.eqq.govinfo.reporting.facts.domain.UnitFact;

import java.util.function.UnaryOperator;

/**
 * Port: reporting's own copy of what intake, adoption-tracking and commission-tasking told it, and of the item
 * scores scoring published. Each change is applied
 * to one document and remembered by event id, so a redelivered event changes nothing.
 */
public interface FactStore {

    void updateUnit(String id, String eventId, UnitFact initial, UnaryOperator<UnitFact> change);

    void updateItem(String id, String eventId, ItemFact initial, UnaryOperator<ItemFact> change);

    void updateAdoption(String id, String eventId, AdoptionFact initial, UnaryOperator<AdoptionFact> change);

    void updateCommission(String id, String eventId, CommissionFact initial, UnaryOperator<CommissionFact> change);

    /**
     * Keeps scoring's decision for one item if it is newer ({@code scoreVersion}) than the one kept: a redelivered or
     * out-of-date value changes nothing.
     */
    void keepItemScore(ItemScore score);

    /** Everything known now. The banner's volume (about 50 units, some thousand items a year) fits in memory. */
    Facts all();

    /**
     * Grows with every change applied to any fact (a redelivery changes nothing and does not count): a reading
     * computed from {@link #all()} while this was {@code r} is still true as long as it is {@code r}. Read it before
     * {@link #all()}: a change landing in between then only causes one more computation.
     */
    long revision();
}
