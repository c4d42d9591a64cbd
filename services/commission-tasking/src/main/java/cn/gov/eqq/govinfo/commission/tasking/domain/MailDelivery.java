package cn.gov.eqq.govinfo.commission.tasking.domain;

import java.time.Instant;

/** The e-mail copy of one reminder: kept in the commission so that a restart neither loses nor repeats it. */
public record MailDelivery(MailStatus status, String to, int attempts, Instant leaseUntil, Instant sentAt,
                           String lastError) {

    static MailDelivery to(String address) {
        return address == null || address.isBlank()
                ? new MailDelivery(MailStatus.NO_ADDRESS, null, 0, null, null, null)
                : new MailDelivery(MailStatus.PENDING, address, 0, null, null, null);
    }

    /** Ready for a sender now: pending, or held by a sender whose lease ran out (it died mid-send). */
    public boolean sendableAt(Instant now) {
        return status == MailStatus.PENDING
                || (status == MailStatus.SENDING && leaseUntil != null && !now.isBefore(leaseUntil));
    }
}
