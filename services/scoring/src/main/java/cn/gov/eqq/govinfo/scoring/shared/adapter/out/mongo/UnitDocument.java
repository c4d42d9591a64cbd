package cn.gov.eqq.govinfo.scoring.shared.adapter.out.mongo;

import java.time.Instant;
import java.util.List;

/**
 * The unit directory ({@code units}): the latest {@code UnitChanged} state per unit, with its membership spans.
 * Documents stored before memberships were kept have none ({@code null}) and read as the contract reads such a
 * record: a member of its group since 2022-07 (an inactive one until the month of its last change).
 */
record UnitDocument(String id, String name, int group, boolean active, Instant changedAt,
                    List<MembershipDocument> memberships) {

    /** Months as {@code yyyy-MM}; {@code until} is null while the span lasts. */
    record MembershipDocument(int group, String from, String until) {
    }
}
