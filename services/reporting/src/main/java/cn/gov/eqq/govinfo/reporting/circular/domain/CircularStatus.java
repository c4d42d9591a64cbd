package cn.gov.eqq.govinfo.reporting.circular.domain;

/** 草稿 → 复核中 → 已发布 (→ 已被更正版本取代). */
public enum CircularStatus {
    DRAFT("草稿"), IN_REVIEW("复核中"), PUBLISHED("已发布"), SUPERSEDED("已被更正");

    private final String chinese;

    CircularStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
