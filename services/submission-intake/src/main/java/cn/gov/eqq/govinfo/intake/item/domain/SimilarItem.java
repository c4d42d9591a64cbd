package cn.gov.eqq.govinfo.intake.item.domain;

/**
 * An item that reads much like another one, shown to the room beside it and to the unit before it sends.
 * {@code similarity} is in [0, 1]; {@code itemId} is null where the reader may not open the item (another unit's).
 */
public record SimilarItem(String itemId, String unitId, String title, double similarity) {
}
