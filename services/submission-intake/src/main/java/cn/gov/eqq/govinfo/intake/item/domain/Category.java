package cn.gov.eqq.govinfo.intake.item.domain;

/** Categories of the notice (鄂前政办发〔2022〕65号 二(四)1(1)); their points belong to scoring, not here. */
public enum Category {
    BRIEF("简讯类"),
    DYNAMIC("动态类"),
    COMPREHENSIVE("综合类"),
    PROBLEM("问题类"),
    RESEARCH_REPORT("调研报告");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
