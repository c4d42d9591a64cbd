package cn.gov.eqq.govinfo.intake.item.domain;

/** 报送重点 as listed in part 一 of the notice. */
public enum FocusTopic {
    RURAL_REVITALISATION("乡村振兴"),
    INDUSTRIAL_DEVELOPMENT("产业发展"),
    LIVELIHOOD("民生改善"),
    ENVIRONMENTAL_PROTECTION("环境保护"),
    SOCIAL_GOVERNANCE("社会治理"),
    ETHNIC_UNITY("民族团结"),
    DEEPENING_REFORM("深化改革"),
    LEADER_VISITS_AND_INSTRUCTIONS("领导调研及批示落实"),
    MAJOR_PROJECTS("重大项目推进"),
    INNOVATIVE_PRACTICES("创新型经验做法");

    private final String label;

    FocusTopic(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
