package cn.gov.eqq.govinfo.commission.tasking.application;

import cn.gov.eqq.govinfo.commission.tasking.domain.ReminderSchedule;

import java.time.Duration;

/**
 * @param schedule        when reminders fall due before the deadline
 * @param mailLease       how long a sender holds an e-mail before another may retry it (a sender may have died)
 * @param mailMaxAttempts after this many failed attempts an e-mail is given up (the portal notice stays)
 * @param producer        the service name written into event envelopes
 */
public record CommissionSettings(ReminderSchedule schedule, Duration mailLease, int mailMaxAttempts,
                                 String producer) {
}
