package cn.gov.eqq.govinfo.adoption.record.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of record named by the notice (docs/rules.md, points 2). The names are the wire vocabulary of
 * {@code AdoptionEvent}. Their points are not here: scoring alone holds them (in its policy versions) and publishes
 * how it read each record ({@link ItemScore}).
 */
public enum AdoptionKind {
    STATE_COUNCIL_ADOPTED(AdoptionLevel.STATE_COUNCIL, AdoptionForm.PUBLICATION, "被国办采用", null),
    REGION_FORWARDED_TO_STATE_COUNCIL(AdoptionLevel.REGION, AdoptionForm.FORWARD, "自治区转报国办", null),
    CENTRAL_LEADER_INSTRUCTION(AdoptionLevel.STATE_COUNCIL, AdoptionForm.INSTRUCTION, "中央领导批示", null),
    REGION_DAILY_BRIEF_ADOPTED(AdoptionLevel.REGION, AdoptionForm.PUBLICATION, "自治区政府办公厅《每日要情》采用", "每日要情"),
    REGION_LEADER_INSTRUCTION(AdoptionLevel.REGION, AdoptionForm.INSTRUCTION, "自治区政府领导批示", null),
    CITY_BULLETIN_ADOPTED(AdoptionLevel.CITY, AdoptionForm.PUBLICATION, "市政府办公室《鄂尔多斯政讯》采用", "鄂尔多斯政讯"),
    CITY_FORWARDED_TO_REGION(AdoptionLevel.CITY, AdoptionForm.FORWARD, "市转报自治区", null),
    CITY_LEADER_INSTRUCTION(AdoptionLevel.CITY, AdoptionForm.INSTRUCTION, "市政府领导批示", null);

    private final AdoptionLevel level;
    private final AdoptionForm form;
    private final String label;
    private final String fixedPublication;

    AdoptionKind(AdoptionLevel level, AdoptionForm form, String label, String fixedPublication) {
        this.level = level;
        this.form = form;
        this.label = label;
        this.fixedPublication = fixedPublication;
    }

    public AdoptionLevel level() {
        return level;
    }

    public AdoptionForm form() {
        return form;
    }

    public String label() {
        return label;
    }

    public boolean isInstruction() {
        return form == AdoptionForm.INSTRUCTION;
    }

    /** The publication this kind names (《每日要情》, 《鄂尔多斯政讯》), filled in when the room leaves it empty. */
    public Optional<String> fixedPublication() {
        return Optional.ofNullable(fixedPublication);
    }

    /** Reads a kind by its wire name or its Chinese label (spreadsheets use either). */
    public static Optional<AdoptionKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values())
                .filter(k -> k.name().equalsIgnoreCase(t) || k.label.equals(t))
                .findFirst();
    }
}
