package cn.gov.eqq.govinfo.adoption.record.domain;

/** What the higher level did with the item; decides which fields a record must carry. */
public enum AdoptionForm {
    /** 刊物采用: publication and issue number required. */
    PUBLICATION("刊物采用"),
    /** 转报: forwarded upward; the forwarding document's number is optional. */
    FORWARD("转报"),
    /** 领导批示: leader and instruction text required; may ask for a follow-up. */
    INSTRUCTION("领导批示");

    private final String label;

    AdoptionForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
