package cn.gov.eqq.govinfo.adoption.record.domain;

import java.util.Objects;

/**
 * How a combined adoption (综合采用) credits its source items. Policy data (file
 * {@code policy/combined-credit.properties}); the notice is silent, so the room chooses.
 * <ul>
 *   <li>{@code FULL} (shipped default): every source item is credited with the kind's full points, as if each had
 *       been adopted on its own — each unit's item did reach the higher level.</li>
 *   <li>{@code LEAD_ONLY}: only the first listed source (the lead item) is credited; the others carry the record
 *       for information, with no points.</li>
 * </ul>
 * A fractional split is not offered: {@code AdoptionRecorded} has no share field, so scoring could not apply it.
 */
public record CombinedCreditPolicy(Mode mode) {

    public enum Mode { FULL, LEAD_ONLY }

    public CombinedCreditPolicy {
        Objects.requireNonNull(mode, "mode");
    }

    public static CombinedCreditPolicy fullCredit() {
        return new CombinedCreditPolicy(Mode.FULL);
    }

    /** Whether the source at {@code position} (0 = first listed, the lead) earns the record's points. */
    public boolean credits(int position) {
        return switch (mode) {
            case FULL -> true;
            case LEAD_ONLY -> position == 0;
        };
    }
}
