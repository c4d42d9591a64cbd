package cn.gov.eqq.govinfo.reporting.circular.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Points and Chinese names of the adoption and instruction kinds, used to show each adopted item's points in a
 * circular's annex. Scoring owns the policy; the annex is cross-checked against the ranking's adoption column, so a
 * divergence shows up as a warning on the draft instead of a silent mismatch.
 */
public record AdoptionPointsTable(Map<String, Integer> points, Map<String, String> labels, Set<String> instructionKinds) {

    public AdoptionPointsTable {
        points = Map.copyOf(points);
        labels = Map.copyOf(labels);
        instructionKinds = Set.copyOf(instructionKinds);
    }

    /** The table of 鄂前政办发〔2022〕65号, in force from 2022-07-06. */
    public static AdoptionPointsTable policy2022() {
        Map<String, Integer> p = new LinkedHashMap<>();
        Map<String, String> l = new LinkedHashMap<>();
        add(p, l, "STATE_COUNCIL_ADOPTED", 100, "被国办采用");
        add(p, l, "REGION_FORWARDED_TO_STATE_COUNCIL", 100, "自治区转报国办");
        add(p, l, "CENTRAL_LEADER_INSTRUCTION", 100, "中央领导批示");
        add(p, l, "REGION_DAILY_BRIEF_ADOPTED", 30, "自治区政府办公厅《每日要情》采用");
        add(p, l, "REGION_LEADER_INSTRUCTION", 30, "自治区政府领导批示");
        add(p, l, "CITY_BULLETIN_ADOPTED", 20, "市政府办公室《鄂尔多斯政讯》采用");
        add(p, l, "CITY_FORWARDED_TO_REGION", 20, "市转报自治区");
        add(p, l, "CITY_LEADER_INSTRUCTION", 20, "市政府领导批示");
        return new AdoptionPointsTable(p, l,
                Set.of("CENTRAL_LEADER_INSTRUCTION", "REGION_LEADER_INSTRUCTION", "CITY_LEADER_INSTRUCTION"));
    }

    private static void add(Map<String, Integer> p, Map<String, String> l, String kind, int points, String label) {
        p.put(kind, points);
        l.put(kind, label);
    }

    /** Instructions on major-emergency items earn nothing (被领导批示信息均为非重大紧急类信息). */
    public int pointsOf(String kind, boolean majorEmergencyItem) {
        if (majorEmergencyItem && isInstruction(kind)) {
            return 0;
        }
        return points.getOrDefault(kind, 0);
    }

    public boolean isInstruction(String kind) {
        return instructionKinds.contains(kind);
    }

    public String labelOf(String kind) {
        return labels.getOrDefault(kind, kind);
    }
}
