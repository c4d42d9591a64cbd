package cn.gov.eqq.govinfo.adoption.record.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What scoring last decided for one item, as far as this service shows it: the item's points, the part of them that
 * its adoption and instruction records give, and how scoring read each record. Scoring alone holds the rules; this
 * service keeps the newest decision it heard of ({@code scoreVersion} grows with each) and shows it.
 *
 * @param status         scoring's status of the item: {@code SCORED}, {@code VOIDED} or {@code NOT_SCORED}
 * @param points         the item's whole points (category, forward, adoption, commission)
 * @param adoptionPoints what its adoption and instruction records give (the sum of its adoption ledger lines)
 * @param records        how scoring read each record of the item, by record id
 */
public record ItemScore(String itemId, String status, int points, int adoptionPoints, long scoreVersion,
                        Instant scoredAt, List<RecordScore> records) {

    /** Scoring's status of an item it counted. */
    public static final String SCORED = "SCORED";
    /** Scoring's status of an item voided after it counted. */
    public static final String VOIDED = "VOIDED";

    /**
     * How scoring read one record.
     *
     * @param kindPoints  what the kind is worth on the record's date, before the item's rules
     * @param countable   what it may earn on this item (0 when withdrawn, not credited, or an instruction on a
     *                    重大紧急 item)
     * @param counts      this record gives the item its adoption value (按最高积分计算)
     * @param addedPoints what it added in its own month
     * @param explanation why, in Chinese, as scoring wrote it
     */
    public record RecordScore(String recordId, String kindLabel, int kindPoints, int countable, boolean counts,
                              int addedPoints, String explanation) {
    }

    public ItemScore {
        Objects.requireNonNull(itemId, "itemId");
        records = records == null ? List.of() : List.copyOf(records);
    }

    /** Whether this decision replaces {@code held}: only a newer one does (a redelivery or an older value does not). */
    public boolean supersedes(Optional<ItemScore> held) {
        return held.map(h -> scoreVersion > h.scoreVersion()).orElse(true);
    }

    public Optional<RecordScore> recordScore(String recordId) {
        return records.stream().filter(r -> r.recordId().equals(recordId)).findFirst();
    }

    /** The record that gives the item its adoption value, if one does. */
    public Optional<String> countingRecordId() {
        return records.stream().filter(RecordScore::counts).map(RecordScore::recordId).findFirst();
    }
}
