package cn.gov.eqq.govinfo.contracts.item;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The information room received a revision of an item. This is what earns category points, and it counts
 * in the period of {@code submittedAt} (when the unit submitted the received revision), not of {@code receivedAt}.
 *
 * @param majorEmergency 重大紧急类: leader instructions on such an item earn no points
 * @param polarity       GOOD_NEWS (喜) or PROBLEM (忧)
 * @param commissionId   the commission (约稿) this item answers, or null
 */
public record ItemReceived(String itemId, String unitId, int revision, String title, String category,
                           List<String> topics, boolean majorEmergency, String polarity, LocalDate eventDate,
                           Instant submittedAt, Instant receivedAt, String receivedBy, String commissionId)
        implements ItemEvent {

    public ItemReceived {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
