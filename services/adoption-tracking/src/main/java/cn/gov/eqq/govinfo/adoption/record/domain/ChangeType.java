package cn.gov.eqq.govinfo.adoption.record.domain;

/** How a version of a record came to be. Nothing is ever edited in place: every change adds a version. */
public enum ChangeType {
    RECORDED("录入"),
    CORRECTED("更正"),
    WITHDRAWN("撤销");

    private final String label;

    ChangeType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
