package cn.gov.eqq.govinfo.reporting.circular.domain;

/** One figure that a corrected version changes against the version it corrects, said in Chinese. */
public record FigureChange(Integer group, String unitId, String unitName, String figure, String before, String after) {

    public String sentence() {
        String who = unitName == null ? "" : unitName + "：";
        return who + figure + "由 " + before + " 更正为 " + after;
    }
}
