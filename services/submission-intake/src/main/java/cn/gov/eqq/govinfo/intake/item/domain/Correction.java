package cn.gov.eqq.govinfo.intake.item.domain;

import java.time.Instant;
import java.util.List;

/**
 * One correction of an item's classification by the room: what it was, what it became, why, who and when. An item
 * keeps every correction, oldest first; the last one's {@code after} is how the item counts.
 *
 * @param revision the received revision it applies to
 */
public record Correction(int revision, Classification before, Classification after, String reason, String by,
                         String byName, Instant at) {

    /** What changed, one Chinese line per field (类别 由「动态类」改为「问题类」). */
    public List<String> changes() {
        return before.changesTo(after);
    }
}
