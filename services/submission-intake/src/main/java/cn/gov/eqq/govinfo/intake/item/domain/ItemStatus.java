package cn.gov.eqq.govinfo.intake.item.domain;

/** Where an item stands. A forward to the city is a mark on a RECEIVED item, not a status of its own. */
public enum ItemStatus {
    DRAFT("草稿"),
    AWAITING_SIGN_OFF("待领导签批"),
    SUBMITTED("已报送"),
    RECEIVED("已接收"),
    RETURNED("退回修改"),
    VOIDED("已作废"),
    /**
     * A draft its unit deleted before ever sending it (删除草稿). The document stays, with its trail, so that no
     * code path removes an item and the request log's references to it still lead somewhere; nobody lists or reads
     * it any more.
     */
    DELETED("已删除");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The unit may edit and (re)submit only in these states. */
    public boolean editableByUnit() {
        return this == DRAFT || this == RETURNED;
    }
}
