package cn.gov.eqq.govinfo.intake.item.domain;

/** 喜忧兼报: good news (报喜) or a problem that needs the leaders' attention (报忧). */
public enum Polarity {
    GOOD_NEWS("喜"),
    PROBLEM("忧");

    private final String label;

    Polarity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
