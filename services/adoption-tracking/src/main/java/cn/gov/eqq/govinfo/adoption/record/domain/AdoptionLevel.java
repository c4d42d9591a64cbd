package cn.gov.eqq.govinfo.adoption.record.domain;

/** The level of government that adopted, forwarded or instructed. */
public enum AdoptionLevel {
    STATE_COUNCIL("国家"),
    REGION("自治区"),
    CITY("市");

    private final String label;

    AdoptionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
