package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFact;
import cn.gov.eqq.govinfo.scoring.rules.domain.Unit;

/**
 * One event of the topics scoring consumes, in scoring's own terms: the Kafka adapter translates each record's
 * contract into one of these before {@link EventIngestion} sees it, so that the use case knows no contract type.
 */
public sealed interface ConsumedEvent {

    /** An event that changes an item's score, as the fact it adds to the item (its event id de-duplicates it). */
    record Fact(ItemFact fact) implements ConsumedEvent {
    }

    /** A unit's state as of one change (a newer state wins, so a repeated or older one changes nothing). */
    record UnitState(Unit unit) implements ConsumedEvent {
    }

    /**
     * An event that changes no score (ItemSubmitted, ItemReturned, CommissionIssued, …). It keeps its place in a
     * batch, so that an index into the batch is still the index of its record.
     */
    record NoScore(String type, String eventId) implements ConsumedEvent {
    }
}
