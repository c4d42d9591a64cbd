package cn.gov.eqq.govinfo.commission.tasking.domain;

import java.time.Instant;

/**
 * A reminder to one target unit: the in-portal notice (posted when the reminder is claimed) and its e-mail copy.
 * At most one reminder per (kind, unit) exists in a commission; that is what makes reminders "once each".
 *
 * @param kind     {@code BEFORE_3D}, {@code BEFORE_1D} (from the schedule) or {@code OVERDUE}
 * @param postedAt when the notice appeared in the portal
 */
public record Reminder(String kind, String unitId, Instant postedAt, String subject, String message,
                       MailDelivery mail) {

    public static final String OVERDUE = "OVERDUE";

    public boolean overdue() {
        return OVERDUE.equals(kind);
    }

    Reminder withMail(MailDelivery newMail) {
        return new Reminder(kind, unitId, postedAt, subject, message, newMail);
    }
}
