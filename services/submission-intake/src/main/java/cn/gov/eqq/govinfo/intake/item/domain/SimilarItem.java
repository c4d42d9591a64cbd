package cn.gov.eqq.govinfo.intake.item.domain;

/** An item that reads much like another one, shown to the room beside it. {@code similarity} is in [0, 1]. */
public record SimilarItem(String itemId, String unitId, String title, double similarity) {
}
