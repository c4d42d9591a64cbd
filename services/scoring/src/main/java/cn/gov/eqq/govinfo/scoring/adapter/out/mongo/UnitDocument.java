package cn.gov.eqq.govinfo.scoring.adapter.out.mongo;

import java.time.Instant;

/** The unit directory ({@code units}): the latest {@code UnitChanged} state per unit. */
record UnitDocument(String id, String name, int group, boolean active, Instant changedAt) {
}
