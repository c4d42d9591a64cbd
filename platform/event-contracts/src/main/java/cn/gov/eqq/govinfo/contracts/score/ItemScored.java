package cn.gov.eqq.govinfo.contracts.score;

import cn.gov.eqq.govinfo.contracts.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What scoring decided for one item, whole: its points with every ledger line and the Chinese explanation of each,
 * and how each adoption or instruction record of the item was read. Scoring alone holds the rules; the other
 * services show this instead of computing points themselves.
 *
 * <p>Published again, whole, each time the item's score changes: a new fact about the item, the room's correction,
 * a back-dated policy version. The topic is compacted by item id, so its latest value is the item's current score;
 * {@code scoreVersion} grows with each publication, and a consumer keeps a value only if it is newer than the one it
 * has.
 *
 * @param itemId         the item; also the key
 * @param unitId         the unit credited with the item
 * @param title          the item's title, as received
 * @param category       the category scored (after the room's corrections), e.g. {@code PROBLEM}
 * @param categoryLabel  its Chinese label in the policy version that scored it (null when no version applies)
 * @param majorEvent     重大事件, as scored
 * @param majorEmergency 重大紧急, as scored (an instruction on such an item earns nothing)
 * @param status         {@code SCORED}: received and counted; {@code VOIDED}: voided after it counted, the lines
 *                       hold the visible 0-point note; {@code NOT_SCORED}: not received, or before the first policy
 *                       version — no lines, 0 points
 * @param points         the sum of {@code lines}
 * @param lines          the item's ledger lines, in month order
 * @param adoptions      every adoption or instruction record of the item as scoring read it, in date order
 * @param scoreVersion   1, 2, … per item
 * @param scoredAt       when scoring decided this
 */
public record ItemScored(String itemId, String unitId, String title, String category, String categoryLabel,
                         boolean majorEvent, boolean majorEmergency, String status, int points, List<Line> lines,
                         List<AdoptionReading> adoptions, long scoreVersion, Instant scoredAt)
        implements IntegrationEvent {

    public ItemScored {
        lines = lines == null ? List.of() : List.copyOf(lines);
        adoptions = adoptions == null ? List.of() : List.copyOf(adoptions);
    }

    /**
     * One ledger line of the item.
     *
     * @param entryId       stable: the same facts give the same id
     * @param month         the Beijing month it counts in, {@code yyyy-MM}
     * @param date          the Beijing date of the fact that placed it there
     * @param source        {@code SUBMISSION}, {@code FORWARD}, {@code ADOPTION}, {@code COMMISSION} or {@code VOID}
     * @param rule          the rule that applied, e.g. {@code category:PROBLEM}, {@code adoption:CITY_BULLETIN_ADOPTED}
     * @param points        what it adds to the unit's score (a void note is 0)
     * @param explanation   why, in Chinese
     * @param policyVersion the policy version that gave the points
     */
    public record Line(String entryId, String month, LocalDate date, String source, String rule, int points,
                       String explanation, String policyVersion) {
    }

    /**
     * One adoption or instruction record of the item, read by the rule "only the highest counts" (按最高积分计算).
     *
     * @param recordId      adoption-tracking's record id
     * @param kind          e.g. {@code CITY_BULLETIN_ADOPTED}
     * @param kindLabel     its Chinese label in the version in force on {@code effectiveDate} (null if none)
     * @param effectiveDate the publication's or the instruction's date
     * @param kindPoints    what the kind is worth on that date, before the item's rules
     * @param countable     what it may earn on this item: 0 when withdrawn, not credited (综合采用), or an
     *                      instruction on a 重大紧急 item
     * @param counts        this is the record that gives the item its adoption value
     * @param addedPoints   what it added in its own month, taking the records in date order
     * @param explanation   why, in Chinese
     */
    public record AdoptionReading(String recordId, String kind, String kindLabel, LocalDate effectiveDate,
                                  int kindPoints, int countable, boolean counts, int addedPoints, String explanation) {
    }

    @Override
    public String aggregateKey() {
        return itemId;
    }
}
