package cn.gov.eqq.govinfo.intake.item.domain;

/**
 * What the near-duplicate check reads of an item already sent: enough to compare its text and show it to the room,
 * nothing of its history. The store streams these instead of whole items.
 */
public record ComparableText(String itemId, String unitId, String title, String body, ItemStatus status) {

    public static ComparableText of(Item item) {
        return new ComparableText(item.id(), item.unitId(), item.draft().title(), item.draft().body(), item.status());
    }
}
