package cn.gov.eqq.govinfo.intake.item.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What the unit writes: everything of an item except who owns it and where it stands.
 *
 * @param majorEvent     重大事件: must be signed off by a leader of the unit before it goes to the room
 * @param majorEmergency 重大紧急类: leader instructions on such an item earn no points (scoring's rule)
 * @param commissionId   the commission (约稿) this item answers, or null
 * @param attachmentIds  ids of attachments already uploaded for this item
 */
public record ItemContent(String title, String body, Category category, List<FocusTopic> topics, LocalDate eventDate,
                          String reporterName, String contactPhone, Polarity polarity, boolean majorEvent,
                          boolean majorEmergency, String countermeasures, String commissionId,
                          List<String> attachmentIds) {

    public ItemContent {
        title = trimToNull(title);
        body = trimToNull(body);
        reporterName = trimToNull(reporterName);
        contactPhone = trimToNull(contactPhone);
        countermeasures = trimToNull(countermeasures);
        commissionId = trimToNull(commissionId);
        topics = topics == null ? List.of() : List.copyOf(topics.stream().distinct().toList());
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }

    /** Problem items must bring countermeasures: 问题类 by category or 报忧 by polarity. */
    public boolean concernsAProblem() {
        return polarity == Polarity.PROBLEM || category == Category.PROBLEM;
    }

    public ItemContent withAttachmentIds(List<String> ids) {
        return new ItemContent(title, body, category, topics, eventDate, reporterName, contactPhone, polarity,
                majorEvent, majorEmergency, countermeasures, commissionId, ids);
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
