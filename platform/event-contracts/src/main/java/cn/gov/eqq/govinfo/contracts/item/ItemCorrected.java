package cn.gov.eqq.govinfo.contracts.item;

import java.time.Instant;
import java.util.List;

/**
 * The information room corrected how a received item is classified — its category, the 重大事件 / 重大紧急 flags
 * and its topics — with a reason, while no published circular covered the item's period. From then on the item
 * counts with {@code after}; it keeps counting in the period of its received revision. Every correction of an item
 * is its own event, never compacted: the item's whole correction history is on the log.
 *
 * @param revision the received revision the correction applies to
 * @param before   the classification until now (as received, or as the previous correction left it)
 * @param after    the classification from now on
 */
public record ItemCorrected(String itemId, String unitId, int revision, Classification before, Classification after,
                            String reason, Instant correctedAt, String correctedBy) implements ItemEvent {

    /**
     * How the item is classified.
     *
     * @param category       BRIEF, DYNAMIC, COMPREHENSIVE, PROBLEM or RESEARCH_REPORT
     * @param majorEvent     重大事件
     * @param majorEmergency 重大紧急类: leader instructions on such an item earn no points
     * @param topics         报送重点 (FocusTopic names)
     */
    public record Classification(String category, boolean majorEvent, boolean majorEmergency, List<String> topics) {

        public Classification {
            topics = topics == null ? List.of() : List.copyOf(topics);
        }
    }
}
