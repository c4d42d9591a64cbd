package cn.gov.eqq.govinfo.adoption.record.domain;

import java.util.Optional;

/**
 * What the item's adoption view says about points: scoring's decision where scoring has published one, and a
 * plain Chinese "not yet" where it has not — never a number of this service's own making.
 */
public final class ScoreShown {

    /** Until scoring has published the item. */
    public static final String ITEM_PENDING = "积分待计算：积分部门尚未计算本信息";
    /** Scoring has published the item, but its decision does not yet include this record. */
    public static final String RECORD_PENDING = "积分待计算：积分部门尚未计入本记录";
    /** A source of a combined adoption recorded when only the lead item was credited: never sent to scoring. */
    public static final String NEVER_PUBLISHED = "综合采用当时仅首条来源信息计分，本记录未报积分部门，只作记录，不计分";

    private ScoreShown() {
    }

    /**
     * The item as a whole.
     *
     * @param adoptionPoints what its records give, or null until scoring has published the item
     * @param note           a Chinese note when there is no number yet or the item counts nothing, else null
     */
    public record ItemPoints(Integer points, Integer adoptionPoints, String status, String countingRecordId,
                             Long scoreVersion, String note) {
    }

    /**
     * One record.
     *
     * @param scored      scoring's reading of this record is shown
     * @param explanation scoring's explanation, or why there is no number
     */
    public record RecordPoints(boolean scored, String kindLabel, Integer kindPoints, Integer countable, boolean counts,
                               Integer addedPoints, String explanation) {
    }

    public static ItemPoints of(Optional<ItemScore> score) {
        if (score.isEmpty()) {
            return new ItemPoints(null, null, null, null, null, ITEM_PENDING);
        }
        ItemScore s = score.get();
        String note = switch (s.status()) {
            case ItemScore.SCORED -> null;
            case ItemScore.VOIDED -> "本信息已作废，不计分";
            default -> "本信息不计分（尚未接收，或早于首个积分政策版本）";
        };
        return new ItemPoints(s.points(), s.adoptionPoints(), s.status(), s.countingRecordId().orElse(null),
                s.scoreVersion(), note);
    }

    public static RecordPoints of(AdoptionRecord record, Optional<ItemScore> score) {
        if (!record.credited()) {
            return new RecordPoints(false, null, null, 0, false, 0, NEVER_PUBLISHED);
        }
        Optional<ItemScore.RecordScore> read = score.flatMap(s -> s.recordScore(record.recordId()));
        if (read.isEmpty()) {
            return new RecordPoints(false, null, null, null, false, null,
                    score.isEmpty() ? ITEM_PENDING : RECORD_PENDING);
        }
        ItemScore.RecordScore r = read.get();
        return new RecordPoints(true, r.kindLabel(), r.kindPoints(), r.countable(), r.counts(), r.addedPoints(),
                r.explanation());
    }
}
