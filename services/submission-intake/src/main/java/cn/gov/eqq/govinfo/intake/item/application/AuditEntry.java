package cn.gov.eqq.govinfo.intake.item.application;

import java.time.Instant;

/**
 * One line of the append-only audit trail of an item: who did what, when, why and from where. Written in the same
 * single-document update as the change it records, and only ever appended.
 *
 * @param action   e.g. RECEIVED, RETURNED, VOIDED, FORWARDED_TO_CITY, SUBMITTED, SIGNED_OFF
 * @param reason   the opinion or reason given, if any
 * @param origin   the client address the request came from
 */
public record AuditEntry(Instant at, String by, String byName, String action, Integer revision, String reason,
                         String origin) {
}
