package cn.gov.eqq.govinfo.contracts.adoption;

import cn.gov.eqq.govinfo.contracts.IntegrationEvent;

/**
 * Adoption (采用), higher-level forward and leader instruction (批示) records, as told by adoption-tracking on
 * {@link cn.gov.eqq.govinfo.contracts.Topics#ADOPTIONS}. Keyed by item so one item's records stay in order.
 * Kind names: STATE_COUNCIL_ADOPTED, REGION_FORWARDED_TO_STATE_COUNCIL, CENTRAL_LEADER_INSTRUCTION,
 * REGION_DAILY_BRIEF_ADOPTED, REGION_LEADER_INSTRUCTION, CITY_BULLETIN_ADOPTED, CITY_FORWARDED_TO_REGION,
 * CITY_LEADER_INSTRUCTION.
 */
public sealed interface AdoptionEvent extends IntegrationEvent
        permits AdoptionRecorded, AdoptionCorrected, AdoptionWithdrawn, InstructionFollowUpReported {

    String recordId();

    String itemId();

    @Override
    default String aggregateKey() {
        return itemId();
    }
}
