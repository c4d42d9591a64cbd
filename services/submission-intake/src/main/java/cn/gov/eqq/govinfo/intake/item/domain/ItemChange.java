package cn.gov.eqq.govinfo.intake.item.domain;

import java.time.Instant;

/**
 * What happened to an item, as the aggregate tells it. These are internal domain events; the application
 * turns those that other services care about into integration events (contracts) and every one into an audit
 * record.
 */
public sealed interface ItemChange {

    String itemId();

    String unitId();

    Instant at();

    /** user id of who did it */
    String by();

    record SignOffRequested(String itemId, String unitId, Instant at, String by) implements ItemChange {
    }

    /** @param opinion the leader's 签批意见, or null when none was given */
    record SignedOff(String itemId, String unitId, String opinion, Instant at, String by) implements ItemChange {
    }

    record SentBackBySignOff(String itemId, String unitId, String opinion, Instant at, String by)
            implements ItemChange {
    }

    /** The room entered the item for its unit (代录); its Submitted follows, at the time the unit sent it. */
    record EnteredForUnit(String itemId, String unitId, Instant at, String by) implements ItemChange {
    }

    record Submitted(String itemId, String unitId, int revision, Instant at, String by) implements ItemChange {
    }

    record Received(String itemId, String unitId, int revision, Instant submittedAt, Instant at, String by)
            implements ItemChange {
    }

    record Returned(String itemId, String unitId, int revision, String opinion, Instant at, String by)
            implements ItemChange {
    }

    record Voided(String itemId, String unitId, String reason, Instant at, String by) implements ItemChange {
    }

    /**
     * The unit withdrew what it had sent (撤回) before anyone acted on it.
     *
     * @param revision the withdrawn revision, or null when the item was still waiting for its leader's sign-off
     */
    record Withdrawn(String itemId, String unitId, Integer revision, Instant at, String by) implements ItemChange {
    }

    /** The unit deleted a draft it never sent. */
    record Deleted(String itemId, String unitId, Instant at, String by) implements ItemChange {
    }

    record ForwardedToCity(String itemId, String unitId, Instant at, String by) implements ItemChange {
    }

    /** The room corrected the classification of the received revision {@code revision}. */
    record Corrected(String itemId, String unitId, int revision, Classification before, Classification after,
                     String reason, Instant at, String by) implements ItemChange {
    }
}
